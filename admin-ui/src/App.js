// Who is signed in, the frame around every screen, and which screen the address shows.
import { html, useState, useEffect } from './html.js';
import { api } from './api.js';
import { t, onLangChange } from './i18n.js';
import { flushAll } from './offline.js';
import { useRoute } from './router.js';
import { Layout } from './Layout.js';
import { Login } from './auth/Login.js';
import { screenFor } from './screens.js';
import { Loading } from './components/Feedback.js';
import { loadGrades } from './standards/grades.js';

const userKey = 'tisheng.user';

export function App() {
  const [user, setUser] = useState(undefined);
  const [expired, setExpired] = useState(false);
  const [gradesLoaded, setGradesLoaded] = useState(false);
  const [, setLanguage] = useState('');
  const route = useRoute();

  useEffect(() => onLangChange(setLanguage), []);
  useEffect(() => {
    if (user) loadGrades().finally(() => setGradesLoaded(true));
  }, [user?.username]);
  useEffect(() => {
    // The session cookie is HttpOnly: whether someone signed in on this device is remembered
    // beside it, so a signed-out visitor goes straight to the sign-in form.
    const cached = localStorage.getItem(userKey);
    if (!cached) setUser(null);
    else
      api.session()
        .then(signedIn)
        .catch((error) => {
          // No network: whoever was signed in on this device keeps working on what it cached.
          setUser(error.offline ? JSON.parse(cached) : null);
        });
    const stop = api.onExpired(() => {
      localStorage.removeItem(userKey);
      setExpired(true);
      setUser(null);
    });
    const send = () => flushAll(api);
    addEventListener('online', send);
    const timer = setInterval(send, 20000);
    return () => {
      stop();
      removeEventListener('online', send);
      clearInterval(timer);
    };
  }, []);

  function signedIn(next) {
    localStorage.setItem(userKey, JSON.stringify(next));
    setExpired(false);
    setUser(next);
    flushAll(api);
  }

  async function signOut() {
    await api.logout().catch(() => {});
    localStorage.removeItem(userKey);
    setUser(null);
    location.hash = '';
  }

  if (user === undefined || (user && !gradesLoaded)) return html`<${Loading} />`;
  if (!user) return html`<${Login} onSignedIn=${signedIn} expired=${expired} />`;
  return html`<${Layout} user=${user} route=${route} onSignOut=${signOut}>
    ${screenFor(route, user) ?? html`<p>${t('notFound')}</p>`}
  </${Layout}>`;
}
