// The last inspection with a result, as its owner and offices read it on the entry page: the
// grade, why (what blocks the next grade), and each item that failed (a failed check, or points
// below the item's pass mark) with the inspector's note — what to put right.
import { html } from '../html.js';
import { api } from '../api.js';
import { t, local, formatDate } from '../i18n.js';
import { useLoad } from '../components/useLoad.js';
import { Evaluation } from '../inspections/Preview.js';
import { failedScore, itemMax } from '../inspections/sheetMath.js';

function failedItems(standard, inspection) {
  return standard.sections.flatMap((section) => section.items)
    .filter((item) => failedScore(item, inspection.scores[item.id]));
}

export function LastResult({ record }) {
  const last = [...record.inspections].reverse().find((i) => i.evaluation);
  const standard = useLoad(() => (last
    ? api.get(`/api/v1/standards/${last.standard.id}`, { version: last.standard.version })
    : Promise.resolve(null)), [last?.id]);
  if (!last) return null;
  const failed = standard.data ? failedItems(standard.data, last) : [];
  return html`<section class="card" aria-labelledby="last-result">
    <h2 id="last-result">${t('result.title', { kind: t(`kind.${last.kind}`), date: formatDate(last.scheduled_on) })}</h2>
    <${Evaluation} evaluation=${last.evaluation} />
    ${failed.length ? html`<h3>${t('result.failed')}</h3>
      <ul class="failed-items">${failed.map((item) => html`<li>
        <span>${local(item.title)}</span>
        <strong>${last.scores[item.id] === 'fail' ? t('sheet.fail')
          : t('sheet.pointsOf', { n: last.scores[item.id], max: itemMax(item) })}</strong>
        ${last.notes[item.id] ? html`<p class="note">${last.notes[item.id]}</p>` : null}
      </li>`)}</ul>` : null}
  </section>`;
}
