// The frame: the programme's name, the navigation for the person's role, the language switch,
// the count of changes not yet sent, and signing out.
import { html, useState, useEffect } from './html.js';
import { t, lang, setLang } from './i18n.js';
import { onPendingChange } from './offline.js';

const navigation = {
  city_admin: [['/', 'nav.home'], ['/entries', 'nav.entries'], ['/inspections', 'nav.inspections'],
               ['/complaints', 'nav.complaints'], ['/plaque-reports', 'nav.plaqueReports'], ['/reports', 'nav.reports'], ['/users', 'nav.users'],
               ['/standards', 'nav.standards']],
  county_admin: [['/', 'nav.home'], ['/entries', 'nav.entries'], ['/inspections', 'nav.inspections'],
                 ['/complaints', 'nav.complaints'], ['/plaque-reports', 'nav.plaqueReports'], ['/reports', 'nav.reports'], ['/users', 'nav.users'],
                 ['/standards', 'nav.standards']],
  inspector: [['/', 'nav.home'], ['/inspections', 'nav.inspections'], ['/standards', 'nav.standards']],
  business: [['/', 'nav.home'], ['/standards', 'nav.standards']],
};

export function LanguageSwitch() {
  const other = lang() === 'en' ? 'zh-CN' : 'en';
  return html`<button type="button" class="language" lang=${other}
    onClick=${() => setLang(other)}>${other === 'en' ? 'English' : '中文'}</button>`;
}

export function Layout({ user, route, onSignOut, children }) {
  const [pending, setPending] = useState(0);
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => onPendingChange(setPending), []);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    addEventListener('online', update);
    addEventListener('offline', update);
    return () => {
      removeEventListener('online', update);
      removeEventListener('offline', update);
    };
  }, []);
  const current = `/${route.parts[0] ?? ''}`;
  return html`<div class="shell">
    <header class="top">
      <a class="brand" href="#/">${t('app.title')}</a>
      <div class="tools">
        ${!online ? html`<span class="badge offline" role="status">${t('offline.now')}</span>` : null}
        ${pending > 0 ? html`<span class="badge pending" role="status">${t('offline.pending', { n: pending })}</span>` : null}
        <${LanguageSwitch} />
      </div>
    </header>
    <nav class="main" aria-label=${t('nav.label')}>
      ${(navigation[user.role] ?? []).map(([path, key]) => html`<a href=${`#${path}`}
        aria-current=${current === path ? 'page' : undefined}>${t(key)}</a>`)}
    </nav>
    <main>${children}</main>
    <footer class="account">
      <span>${t('signedInAs', { name: user.username, role: t(`role.${user.role}`) })}</span>
      <a href="#/password">${t('nav.password')}</a>
      <button type="button" class="link" onClick=${onSignOut}>${t('signOut')}</button>
    </footer>
  </div>`;
}
