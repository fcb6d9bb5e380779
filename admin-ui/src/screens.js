// Which screen each address shows: #/, #/entries/12, #/inspections/7, ...
import { html } from './html.js';
import { Home } from './home/Home.js';
import { Password } from './auth/Password.js';
import { EntryList } from './entries/EntryList.js';
import { EntryForm } from './entries/EntryForm.js';
import { EntryPage } from './entries/EntryPage.js';
import { InspectionList } from './inspections/InspectionList.js';
import { InspectionPage } from './inspections/InspectionPage.js';
import { OfficeList } from './office/OfficeList.js';
import { Users } from './accounts/Users.js';
import { StandardList, StandardPage } from './standards/Standards.js';

const officeLists = ['complaints', 'objections', 'appeals', 'rectifications', 'notices'];

/** The screen for route, keyed by its path so that moving between screens starts afresh. */
export function screenFor(route, user) {
  const screen = pick(route, user);
  return screen ? html`<div class="screen" key=${route.path}>${screen}</div>` : null;
}

function pick(route, user) {
  const [first, second, third] = route.parts;
  const query = route.query;
  if (!first) return html`<${Home} user=${user} />`;
  if (first === 'password') return html`<${Password} />`;
  if (first === 'entries') {
    if (!second) return html`<${EntryList} user=${user} query=${query} />`;
    if (second === 'new') return html`<${EntryForm} user=${user} />`;
    if (third === 'edit') return html`<${EntryForm} user=${user} id=${second} />`;
    return html`<${EntryPage} user=${user} id=${second} />`;
  }
  if (first === 'inspections') {
    if (!second) return html`<${InspectionList} user=${user} query=${query} />`;
    return html`<${InspectionPage} user=${user} id=${second} />`;
  }
  if (officeLists.includes(first)) return html`<${OfficeList} kind=${first} user=${user} query=${query} />`;
  if (first === 'users') return html`<${Users} user=${user} query=${query} />`;
  if (first === 'standards')
    return second ? html`<${StandardPage} id=${second} />` : html`<${StandardList} />`;
  return null;
}
