// The first screen after signing in: what needs doing now, for each role.
import { html } from '../html.js';
import { api } from '../api.js';
import { t, local, formatDate } from '../i18n.js';
import { useLoad } from '../components/useLoad.js';
import { ErrorMessage, Loading } from '../components/Feedback.js';
import { EntryStateLine } from '../entries/EntryState.js';

/** "/api/v1/inspections?status=submitted" → "#/inspections?status=submitted" */
const screenOf = (apiList) => `#${apiList.replace('/api/v1', '')}`;

function OfficeHome({ worklist }) {
  return html`<section>
    <h1>${t('home.office')}</h1>
    <ul class="counts">
      ${worklist.counts.map((count) => html`<li class=${count.count > 0 ? 'due' : ''}>
        <a href=${screenOf(count.list)}>
          <span class="count">${count.count}</span>
          <span class="label">${t(`count.${count.key}`)}</span>
        </a>
      </li>`)}
    </ul>
    <p><a class="button" href="#/entries">${t('home.allEntries')}</a></p>
  </section>`;
}

function InspectionItem({ inspection }) {
  return html`<li>
    <a href=${`#/inspections/${inspection.id}`}>
      <strong>${local(inspection.entry?.name)}</strong>
      <span>${t(`kind.${inspection.kind}`)} · ${formatDate(inspection.scheduled_on)}</span>
    </a>
  </li>`;
}

function InspectorHome({ worklist }) {
  return html`<section>
    <h1>${t('home.inspector')}</h1>
    <h2>${t('home.assigned')}</h2>
    ${worklist.assigned.length === 0 ? html`<p class="empty">${t('home.noneAssigned')}</p>` : html`
      <ul class="cards">${worklist.assigned.map((i) => html`<${InspectionItem} inspection=${i} />`)}</ul>`}
    <h2>${t('home.queue')}</h2>
    ${worklist.queue.length === 0 ? html`<p class="empty">${t('home.queueEmpty')}</p>` : html`
      <ul class="cards">${worklist.queue.map((i) => html`<${InspectionItem} inspection=${i} />`)}</ul>`}
  </section>`;
}

function BusinessHome({ worklist }) {
  return html`<section>
    <h1>${t('home.business')}</h1>
    ${worklist.entries.length === 0 ? html`<p class="empty">${t('home.noEntries')}</p>` : null}
    <ul class="cards">
      ${worklist.entries.map((entry) => html`<li>
        <a href=${`#/entries/${entry.id}`}>
          <strong>${local(entry.name)}</strong>
          <${EntryStateLine} entry=${entry} />
        </a>
      </li>`)}
    </ul>
  </section>`;
}

export function Home({ user }) {
  const { data, error, loading } = useLoad(() => api.get('/api/v1/worklist'), [user.username]);
  if (loading && !data) return html`<${Loading} />`;
  if (error) return html`<${ErrorMessage} error=${error} />`;
  if (data.counts) return html`<${OfficeHome} worklist=${data} />`;
  if (data.assigned) return html`<${InspectorHome} worklist=${data} />`;
  return html`<${BusinessHome} worklist=${data} />`;
}
