// Which screen each address shows: #/, #/entries/12, #/inspections/7, ... Screens other than
// the home screen are loaded when first shown, so a phone on 3G fetches only what it opens.
import { html, useState, useEffect } from './html.js';
import { t } from './i18n.js';
import { ErrorMessage, Loading } from './components/Feedback.js';
import preloads from './preloads.js';
import { prefetchSheet } from './inspections/sheetData.js';

const loaded = new Map();

/** Asks the browser for every module a screen needs at once (the build lists them). */
function preload(file) {
  for (const href of preloads[file] ?? []) {
    if (document.querySelector(`link[rel=modulepreload][href="${href}"]`)) continue;
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    document.head.append(link);
  }
}

/** The component `name` of module file, rendered with props once it is here. */
export function Lazy({ file, name, props }) {
  const load = modules[file];
  const [module, setModule] = useState(() => loaded.get(load));
  const [error, setError] = useState(null);
  useEffect(() => {
    if (module) return;
    preload(file);
    load().then((imported) => {
      loaded.set(load, imported);
      setModule(imported);
    }, () => setError({ message: t('error.offline'), fields: {} }));
  }, [load]);
  if (error) return html`<${ErrorMessage} error=${error} />`;
  if (!module) return html`<${Loading} />`;
  const Screen = module[name];
  return html`<${Screen} ...${props} />`;
}

// By path from the UI's root (as src/preloads.js names them).
const modules = {
  'src/auth/Login.js': () => import('./auth/Login.js'),
  'src/auth/Password.js': () => import('./auth/Password.js'),
  'src/home/Home.js': () => import('./home/Home.js'),
  'src/entries/EntryList.js': () => import('./entries/EntryList.js'),
  'src/entries/EntryForm.js': () => import('./entries/EntryForm.js'),
  'src/entries/EntryPage.js': () => import('./entries/EntryPage.js'),
  'src/inspections/InspectionList.js': () => import('./inspections/InspectionList.js'),
  'src/inspections/InspectionPage.js': () => import('./inspections/InspectionPage.js'),
  'src/office/OfficeList.js': () => import('./office/OfficeList.js'),
  'src/accounts/Users.js': () => import('./accounts/Users.js'),
  'src/standards/Standards.js': () => import('./standards/Standards.js'),
  'src/reports/Reports.js': () => import('./reports/Reports.js'),
};

const lazy = (name, props) => html`<${Lazy} file=${`src/${name}.js`} name=${name.split('/')[1]} props=${props} />`;
const officeLists = ['complaints', 'plaque-reports', 'objections', 'appeals', 'rectifications', 'notices'];

function pick(route, user) {
  const [first, second, third] = route.parts;
  const query = route.query;
  if (!first) return lazy('home/Home', { user });
  if (first === 'password') return lazy('auth/Password', {});
  if (first === 'entries') {
    if (!second) return lazy('entries/EntryList', { user, query });
    if (second === 'new') return lazy('entries/EntryForm', { user });
    if (third === 'edit') return lazy('entries/EntryForm', { user, id: second });
    return lazy('entries/EntryPage', { user, id: second });
  }
  if (first === 'inspections') {
    if (!second) return lazy('inspections/InspectionList', { user, query });
    prefetchSheet(second);
    return lazy('inspections/InspectionPage', { user, id: second });
  }
  if (officeLists.includes(first)) return lazy('office/OfficeList', { kind: first, user, query });
  if (first === 'users') return lazy('accounts/Users', { user, query });
  if (first === 'reports') return lazy('reports/Reports', { user, query });
  if (first === 'standards')
    return html`<${Lazy} file="src/standards/Standards.js" name=${second ? 'StandardPage' : 'StandardList'}
      props=${second ? { id: second } : {}} />`;
  return null;
}

/** The screen for route, keyed by its path so that moving between screens starts afresh. */
export function screenFor(route, user) {
  const screen = pick(route, user);
  return screen ? html`<div class="screen" key=${route.path}>${screen}</div>` : null;
}
