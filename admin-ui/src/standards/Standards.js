// The standards as readable pages: what each grade requires, every item with its points, and
// which items are mandatory or critical — what a business prepares against.
import { html } from '../html.js';
import { api } from '../api.js';
import { t, local, apiLang } from '../i18n.js';
import { useLoad } from '../components/useLoad.js';
import { ErrorMessage, Loading } from '../components/Feedback.js';
import { gradeTitle } from './grades.js';

export function StandardList() {
  const list = useLoad(() => api.get('/api/v1/standards').then((r) => r.standards), []);
  if (list.loading) return html`<${Loading} />`;
  if (list.error) return html`<${ErrorMessage} error=${list.error} />`;
  return html`<section>
    <h1>${t('standards.title')}</h1>
    <ul class="cards">${list.data.map((s) => html`<li><a href=${`#/standards/${s.id}`}>
      <strong>${local(s.title)}</strong>
      <span>${t(`category.${s.category}`)} · v${s.version} · ${t('standards.items', { n: s.items })}</span>
      <span>${s.grades.map((g) => local(g.title)).join(' / ')}</span>
    </a></li>`)}</ul>
  </section>`;
}

/** A grade and its rules, as the server words them in the chosen language. */
function GradeRule({ grade }) {
  return html`<li><strong>${local(grade.title)}</strong><ul>${(grade.requirements ?? [])
    .map((r) => html`<li>${r}</li>`)}</ul></li>`;
}

function itemValue(item) {
  if (item.kind !== 'points') return t('standards.passFail');
  if (item.values) return t('standards.values', { values: item.values.join(' / ') });
  return t('standards.points', { n: item.max });
}

export function StandardPage({ id }) {
  const lang = apiLang();
  const standard = useLoad(() => Promise.all([
    api.get(`/api/v1/standards/${id}`),
    api.get('/api/v1/standards', { lang }).then((r) => r.standards.find((summary) => summary.id === id)),
  ]), [id, lang]);
  if (standard.loading) return html`<${Loading} />`;
  if (standard.error) return html`<${ErrorMessage} error=${standard.error} />`;
  const [s, summary] = standard.data;
  const deduction = (item) => item.direction !== undefined && item.direction !== (s.direction ?? 'higher_is_better');
  return html`<article class="standard">
    <h1>${local(s.title)}</h1>
    <p class="meta">v${s.version} · ${t('standards.validity', { months: s.validity_months })}
      · ${t('standards.review', { months: s.review_interval_months })}</p>
    ${local(s.description) ? html`<p>${local(s.description)}</p>` : null}
    ${s.direction === 'lower_is_better' ? html`<p class="message">${t('standards.penaltyScale')}</p>` : null}
    <h2>${t('standards.grades')}</h2>
    <ol class="grades">${(summary?.grades ?? []).map((grade) => html`<${GradeRule} grade=${grade} />`)}</ol>
    ${s.sections.map((section) => html`<section class="card">
      <h2>${local(section.title)}</h2>
      <ol class="scores">${section.items.map((item) => html`<li>
        <span class="item-title">${local(item.title)}</span>
        <strong class="value">${itemValue(item)}</strong>
        ${deduction(item) ? html`<span class="mark">${t('standards.deduction')}</span>` : null}
        ${item.mandatory_for?.length ? html`<span class="mark mandatory">${t('sheet.mandatory', {
          grades: item.mandatory_for.map((g) => gradeTitle(s.id, g)).join('、') })}</span>` : null}
        ${item.critical ? html`<span class="mark critical">${t('sheet.critical')}</span>` : null}
        ${item.na_allowed ? html`<span class="mark">${t('standards.naAllowed')}</span>` : null}
        ${item.guidance ? html`<p class="guidance">${local(item.guidance)}</p>` : null}
      </li>`)}</ol>
    </section>`)}
  </article>`;
}
