// Inspections the person may see, filtered by status, kind and lateness, paged on the server.
import { html } from '../html.js';
import { t, local, formatDate } from '../i18n.js';
import { go } from '../router.js';
import { usePaged } from '../components/useLoad.js';
import { SelectField, CheckField } from '../components/Field.js';
import { PagedList } from '../components/PagedList.js';

export const kinds = ['initial', 'review', 'spot_check', 'complaint', 'reinspection'];
const statuses = ['scheduled', 'submitted', 'confirmed', 'refused', 'cancelled'];

export function InspectionList({ query }) {
  const list = usePaged('/api/v1/inspections', 'inspections', query);
  const filter = (name, value) => go('/inspections', { ...query, [name]: value });
  return html`<section>
    <h1>${t('inspections.title')}</h1>
    <form class="filters" onSubmit=${(event) => event.preventDefault()}>
      <${SelectField} label=${t('inspections.status')} name="status" value=${query.status ?? ''}
        onChange=${(v) => filter('status', v)}
        options=${[['', t('all')], ...statuses.map((s) => [s, t(`inspectionStatus.${s}`)])]} />
      <${SelectField} label=${t('inspections.kind')} name="kind" value=${query.kind ?? ''}
        onChange=${(v) => filter('kind', v)} options=${[['', t('all')], ...kinds.map((k) => [k, t(`kind.${k}`)])]} />
      <${CheckField} label=${t('inspections.overdue')} name="overdue" checked=${query.overdue === 'true'}
        onChange=${(on) => filter('overdue', on ? 'true' : '')} />
    </form>
    <${PagedList} list=${list} render=${(inspection) => html`<li>
      <a href=${`#/inspections/${inspection.id}`}>
        <strong>${local(inspection.entry?.name)}</strong>
        <span>${t(`kind.${inspection.kind}`)} · ${t(`inspectionStatus.${inspection.status}`)}
          · ${formatDate(inspection.scheduled_on)}</span>
      </a>
    </li>`} />
  </section>`;
}
