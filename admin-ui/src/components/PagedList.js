// A list fetched page by page (usePaged): its error, how many there are, the items, and a
// button for the next page.
import { html } from '../html.js';
import { t } from '../i18n.js';
import { ErrorMessage, Loading } from './Feedback.js';

export function PagedList({ list, render, className = 'cards' }) {
  return html`
    <${ErrorMessage} error=${list.error} />
    ${list.loading && list.items.length === 0 ? null
      : html`<p class="total" role="status">${t('list.total', { n: list.total })}</p>`}
    <ul class=${className}>${list.items.map(render)}</ul>
    ${list.loading ? html`<${Loading} />` : null}
    ${list.cursor ? html`<button type="button" onClick=${list.loadMore}>${t('list.more')}</button>` : null}`;
}
