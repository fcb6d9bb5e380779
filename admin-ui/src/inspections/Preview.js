// The live grade preview: the server's dry run of the sheet (items not yet scored counted as
// met in full), the grade it reaches and what blocks the next one. Needs the network.
import { html, useState, useEffect, useRef } from '../html.js';
import { api } from '../api.js';
import { t, local, apiLang } from '../i18n.js';

export function Evaluation({ evaluation }) {
  const next = evaluation.next_grade;
  return html`<div class="evaluation">
    <p class="grade-now">
      <span class="label">${t('preview.grade')}</span>
      <strong data-grade=${evaluation.grade?.id ?? ''}>${evaluation.grade ? local(evaluation.grade.title) : t('grade.none')}</strong>
      ${evaluation.max > 0 ? html`<span class="total">${evaluation.share === null
        ? t('preview.totalPoints', { total: evaluation.total })
        : t('preview.total', { total: evaluation.total, max: evaluation.max,
          share: Math.round(evaluation.share * 1000) / 10 })}</span>` : null}
      ${typeof evaluation.conformity === 'number' ? html`<span class="total">${t('preview.conformity', {
        share: Math.round(evaluation.conformity * 1000) / 10, conforming: evaluation.conforming,
        checked: evaluation.checked })}</span>` : null}
    </p>
    ${next ? html`<div class="blockers">
      <p>${t('preview.nextBlocked', { grade: local(next.title) })}</p>
      <ul>${next.blockers.map((b) => html`<li>${b.message}</li>`)}</ul>
    </div>` : null}
    ${evaluation.failed_mandatory?.length ? html`<p class="failed">${t('preview.failedMandatory', {
      items: evaluation.failed_mandatory.map((i) => local(i.title)).join('；') })}</p>` : null}
  </div>`;
}

export function Preview({ standard, sheet, complete, online }) {
  const [evaluation, setEvaluation] = useState(null);
  const [stale, setStale] = useState(false);
  const timer = useRef(null);
  const key = JSON.stringify(sheet);
  useEffect(() => {
    setStale(true);
    clearTimeout(timer.current);
    // The first preview at once; later ones once the inspector pauses.
    timer.current = setTimeout(async () => {
      try {
        const reply = await api.post(
          `/api/v1/standards/${standard.id}/evaluate?version=${standard.version}&lang=${apiLang()}`,
          { scores: sheet });
        setEvaluation(reply);
        setStale(false);
      } catch {
        // Offline: the last preview stays, marked as not current.
      }
    }, evaluation ? 400 : 0);
    return () => clearTimeout(timer.current);
  }, [key, online, apiLang()]);
  return html`<section class="preview" aria-live="polite" aria-label=${t('preview.title')}>
    <h2>${complete ? t('preview.result') : t('preview.reachable')}</h2>
    ${evaluation ? html`<${Evaluation} evaluation=${evaluation} />` : null}
    ${stale && !online ? html`<p class="hint">${t('preview.offline')}</p>` : null}
  </section>`;
}
