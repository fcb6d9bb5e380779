// One entry: where it stands, its certificate and plaque, what its owner or office can do
// next, and its whole history.
import { html } from '../html.js';
import { api } from '../api.js';
import { t, local, formatDate } from '../i18n.js';
import { useLoad } from '../components/useLoad.js';
import { ErrorMessage, Loading } from '../components/Feedback.js';
import { EntryStateLine } from './EntryState.js';
import { Timeline } from './Timeline.js';
import { LastResult } from './LastResult.js';
import { OwnerActions } from './OwnerActions.js';
import { OfficeActions } from './OfficeActions.js';
import { gradeTitle } from '../standards/grades.js';

function Certificate({ certificate, mayDownload }) {
  if (!certificate) return null;
  const base = `/api/v1/certificates/${certificate.serial}`;
  const printable = certificate.status === 'active';
  return html`<section class="card certificate" aria-labelledby="certificate-heading">
    <h2 id="certificate-heading">${t('certificate.title')}</h2>
    <dl>
      <dt>${t('certificate.serial')}</dt><dd>${certificate.serial}</dd>
      <dt>${t('certificate.grade')}</dt><dd>${gradeTitle(certificate.standard.id, certificate.grade)}</dd>
      <dt>${t('certificate.status')}</dt><dd>${t(`certificate.${certificate.status}`)}</dd>
      <dt>${t('certificate.issued')}</dt><dd>${formatDate(certificate.issued_on)}</dd>
      <dt>${t('certificate.validUntil')}</dt><dd>${formatDate(certificate.valid_until)}</dd>
    </dl>
    ${mayDownload && printable ? html`<p class="downloads">
      <a class="button" href=${`${base}/plaque.pdf`} download>${t('certificate.pdf')}</a>
      <a class="button" href=${`${base}/plaque.png`} download>${t('certificate.png')}</a>
      <a class="button" href=${`${base}/plaque.svg`} download>${t('certificate.svg')}</a>
    </p>` : null}
    ${mayDownload && !printable ? html`<p class="hint">${t('certificate.notPrintable')}</p>` : null}
    <p><a href=${certificate.verify_url}>${t('certificate.publicPage')}</a></p>
  </section>`;
}

export function EntryPage({ user, id }) {
  const entry = useLoad(async () => {
    const [{ entry: details }, record] = await Promise.all([
      api.get(`/api/v1/entries/${id}`),
      api.get(`/api/v1/entries/${id}/record`),
    ]);
    return { entry: details, record };
  }, [id]);
  if (entry.loading && !entry.data) return html`<${Loading} />`;
  if (entry.error) return html`<${ErrorMessage} error=${entry.error} />`;
  const { entry: e, record } = entry.data;
  const office = user.role === 'city_admin' || user.role === 'county_admin';
  const owner = user.role === 'business';
  return html`<article class="entry">
    <header class="heading">
      <div>
        <h1>${local(e.name)}</h1>
        <p class="meta">${t(`category.${e.category}`)} · ${local(e.county_name)} · ${local(e.address)}</p>
        <${EntryStateLine} entry=${e} />
      </div>
      ${e.photo_url ? html`<img class="photo" src=${e.photo_url} alt=${t('entry.photo', { name: local(e.name) })} />` : null}
    </header>
    ${local(e.description) ? html`<p>${local(e.description)}</p>` : null}
    <p class="meta">${t('entry.contact')}: ${e.contact || '—'}
      ${office ? html` · ${t('entry.owner')}: ${e.owner ?? '—'}` : null}</p>
    ${office || owner ? html`<p><a class="button" href=${`#/entries/${id}/edit`}>${t('entry.edit')}</a></p>` : null}
    <${Certificate} certificate=${e.certificate} mayDownload=${office || owner} />
    <${LastResult} record=${record} />
    ${owner ? html`<${OwnerActions} entry=${e} reload=${entry.reload} />` : null}
    ${office ? html`<${OfficeActions} entry=${e} user=${user} reload=${entry.reload} />` : null}
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">${t('entry.history')}</h2>
      <${Timeline} entry=${e} record=${record} linkInspections=${!owner} />
    </section>
  </article>`;
}
