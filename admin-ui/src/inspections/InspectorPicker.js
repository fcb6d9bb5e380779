// Choosing the inspectors of an inspection: the enabled inspectors the office can see.
import { html } from '../html.js';
import { api } from '../api.js';
import { t } from '../i18n.js';
import { useLoad } from '../components/useLoad.js';

export function InspectorPicker({ county, selected, onChange }) {
  const inspectors = useLoad(() => api.get('/api/v1/users', { role: 'inspector', limit: 200 })
    .then((reply) => reply.users.filter((u) => !u.disabled && (!u.county || u.county === county))), [county]);
  const toggle = (username, on) =>
    onChange(on ? [...selected, username] : selected.filter((name) => name !== username));
  return html`<fieldset class="field">
    <legend>${t('open.inspectors')}</legend>
    ${(inspectors.data ?? []).length === 0 ? html`<p class="hint">${t('open.noInspectors')}</p>` : null}
    ${(inspectors.data ?? []).map((inspector) => html`<label class="check">
      <input type="checkbox" checked=${selected.includes(inspector.username)}
        onChange=${(event) => toggle(inspector.username, event.currentTarget.checked)} />
      ${inspector.display_name} (${inspector.username})
    </label>`)}
  </fieldset>`;
}
