// Messages: a failed call in words (with the field problems listed when there is no field to
// put them beside), and loading.
import { html } from '../html.js';
import { t } from '../i18n.js';

export function ErrorMessage({ error, fieldsShown = [] }) {
  if (!error) return null;
  const others = Object.entries(error.fields ?? {}).filter(([field]) => !fieldsShown.includes(field));
  const text = error.offline ? t('error.offline') : error.message;
  return html`<div class="message error" role="alert">
    <p>${text}</p>
    ${others.length ? html`<ul>${others.map(([field, problem]) =>
      html`<li><code>${field}</code>: ${problem}</li>`)}</ul>` : null}
  </div>`;
}

export function Done({ text }) {
  return text ? html`<div class="message done" role="status"><p>${text}</p></div>` : null;
}

export function Loading() {
  return html`<p class="loading" role="status">${t('loading')}</p>`;
}
