// Who is signed in, the frame around every screen, and which screen the address shows.
import { html, useState, useEffect } from './html.js';
import { api } from './api.js';
import { t, onLangChange } from './i18n.js';
import { flushAll } from './offline.js';
import { useRoute } from './router.js';
import { Layout } from './Layout.js';
import { screenFor, Lazy } from './screens.js';
import { Loading } from './components/Feedback.js';
import { loadGrades } from './standards/grades.js';

const userKey = 'tisheng.user';

export function App() {
  const [user, setUser] = useState(undefined);
  const [expired, setExpired] = useState(false);
  // Grade titles arrive after the first render; screens show them once they are here.
  const [, setGradesLoaded] = useState(false);
  const [, setLanguage] = useState('');
  const route = useRoute();

  useEffect(() => onLangChange(setLanguage), []);
  useEffect(() => {
    if (user) loadGrades().finally(() => setGradesLoaded(true));
  }, [user?.username]);
  useEffect(() => {
    // The session cookie is HttpOnly: whether someone signed in on this device is remembered
    // beside it, so a signed-out visitor goes straight to the sign-in form.
    // Whoever signed in on this device is shown their screens at once (also with no network);
    // the session is confirmed meanwhile, and a 401 brings back the sign-in form.
    const cached = localStorage.getItem(userKey);
    setUser(cached ? JSON.parse(cached) : null);
    if (cached) api.session().then(signedIn, () => {});
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

  if (user === undefined) return html`<${Loading} />`;
  if (!user) return html`<${Lazy} file="src/auth/Login.js" name="Login" props=${{ onSignedIn: signedIn, expired }} />`;
  return html`<${Layout} user=${user} route=${route} onSignOut=${signOut}>
    ${screenFor(route, user) ?? html`<p>${t('notFound')}</p>`}
  </${Layout}>`;
}
