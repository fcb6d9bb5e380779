// The standards as readable pages: what each grade requires, every item with its points, and
// which items are mandatory or critical — what a business prepares against.
import { html } from '../html.js';
import { api } from '../api.js';
import { t, local } from '../i18n.js';
import { useLoad } from '../components/useLoad.js';
import { ErrorMessage, Loading } from '../components/Feedback.js';
import { gradeTitle } from './grades.js';

const percent = (share) => `${Math.round(share * 1000) / 10}%`;

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

function GradeRule({ standard, grade }) {
  const rules = [];
  if (grade.min_total_share !== undefined) rules.push(t('standards.minTotal', { share: percent(grade.min_total_share) }));
  if (grade.min_section_share !== undefined) rules.push(t('standards.minSection', { share: percent(grade.min_section_share) }));
  if (grade.required_items?.length) {
    const titles = standard.sections.flatMap((s) => s.items).filter((i) => grade.required_items.includes(i.id))
      .map((i) => local(i.title));
    rules.push(t('standards.required', { items: titles.join('；') }));
  }
  const mandatory = standard.sections.flatMap((s) => s.items).filter((i) => i.mandatory_for?.includes(grade.id)).length;
  if (mandatory) rules.push(t('standards.mandatoryCount', { n: mandatory }));
  return html`<li><strong>${local(grade.title)}</strong><ul>${rules.map((r) => html`<li>${r}</li>`)}</ul></li>`;
}

export function StandardPage({ id }) {
  const standard = useLoad(() => api.get(`/api/v1/standards/${id}`), [id]);
  if (standard.loading) return html`<${Loading} />`;
  if (standard.error) return html`<${ErrorMessage} error=${standard.error} />`;
  const s = standard.data;
  return html`<article class="standard">
    <h1>${local(s.title)}</h1>
    <p class="meta">v${s.version} · ${t('standards.validity', { months: s.validity_months })}
      · ${t('standards.review', { months: s.review_interval_months })}</p>
    ${local(s.description) ? html`<p>${local(s.description)}</p>` : null}
    ${s.max_critical_failures !== undefined
      ? html`<p class="message">${t('standards.maxCritical', { n: s.max_critical_failures })}</p>` : null}
    <h2>${t('standards.grades')}</h2>
    <ol class="grades">${s.grades.map((grade) => html`<${GradeRule} standard=${s} grade=${grade} />`)}</ol>
    ${s.sections.map((section) => html`<section class="card">
      <h2>${local(section.title)}</h2>
      <ol class="scores">${section.items.map((item) => html`<li>
        <span class="item-title">${local(item.title)}</span>
        <strong class="value">${item.kind === 'points' ? t('standards.points', { n: item.max }) : t('standards.passFail')}</strong>
        ${item.mandatory_for?.length ? html`<span class="mark mandatory">${t('sheet.mandatory', {
          grades: item.mandatory_for.map((g) => gradeTitle(s.id, g)).join('、') })}</span>` : null}
        ${item.critical ? html`<span class="mark critical">${t('sheet.critical')}</span>` : null}
        ${item.na_allowed ? html`<span class="mark">${t('standards.naAllowed')}</span>` : null}
        ${item.guidance ? html`<p class="guidance">${local(item.guidance)}</p>` : null}
      </li>`)}</ol>
    </section>`)}
  </article>`;
}
