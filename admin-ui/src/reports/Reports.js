// The programme's reports (月调度、季通报、年考核): pick a month, quarter or year and a county,
// see the figures with bar charts, download the bulletin (PDF, HTML) and the figures (CSV); the
// city office also sets the year's targets here.
import { html, useState, useEffect } from '../html.js';
import { api } from '../api.js';
import { t, local, lang } from '../i18n.js';
import { go } from '../router.js';
import { useLoad } from '../components/useLoad.js';
import { ErrorMessage, Loading, Done } from '../components/Feedback.js';
import { SelectField } from '../components/Field.js';
import { categories, useCounties } from '../entries/EntryList.js';

/** The current quarter, as the server names periods: 2026-Q4. */
function currentQuarter() {
  const now = new Date();
  return `${now.getFullYear()}-Q${Math.floor(now.getMonth() / 3) + 1}`;
}

/** period "2026-Q4" | "2026-11" | "2026" → { kind, year, part }. */
function splitPeriod(period) {
  const [year, part] = period.split('-');
  if (!part) return { kind: 'year', year, part: '' };
  return part.startsWith('Q') ? { kind: 'quarter', year, part } : { kind: 'month', year, part };
}

function joinPeriod({ kind, year, part }) {
  if (kind === 'year') return year;
  if (kind === 'quarter') return `${year}-${part.startsWith('Q') ? part : 'Q1'}`;
  return `${year}-${/^\d\d$/.test(part) ? part : '01'}`;
}

const percent = (share) => (share === null || share === undefined ? '—' : `${(share * 100).toFixed(1)}%`);
const signed = (n) => (n > 0 ? `+${n}` : `${n}`);

/** A horizontal bar chart drawn as SVG: bars [{label, value, shown}], lengths value / max. */
export function BarChart({ title, bars, max }) {
  const row = 26;
  const top = Math.max(max ?? 0, ...bars.map((b) => b.value), 1e-9);
  return html`<figure class="chart">
    <figcaption>${title}</figcaption>
    <svg viewBox=${`0 0 640 ${bars.length * row + 8}`} role="img" aria-label=${title}>
      ${bars.map((bar, i) => {
        const length = Math.max(1, (bar.value / top) * 360);
        const y = 4 + i * row;
        return html`<g class="bar">
          <text x="162" y=${y + 17} text-anchor="end">${bar.label}</text>
          <rect x="170" y=${y + 4} width=${length} height=${row - 8} data-value=${bar.value} />
          <text x=${176 + length} y=${y + 17}>${bar.shown}</text>
        </g>`;
      })}
    </svg>
  </figure>`;
}

function PeriodPicker({ period, onChange }) {
  const parts = splitPeriod(period);
  const thisYear = new Date().getFullYear();
  const years = [];
  for (let y = thisYear; y >= thisYear - 5; --y) years.push([String(y), String(y)]);
  const set = (change) => onChange(joinPeriod({ ...parts, ...change }));
  const months = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));
  return html`<div class="filters">
    <${SelectField} label=${t('reports.kind')} name="kind" value=${parts.kind}
      onChange=${(kind) => set({ kind, part: kind === 'quarter' ? 'Q1' : kind === 'month' ? '01' : '' })}
      options=${['month', 'quarter', 'year'].map((k) => [k, t(`reports.kind.${k}`)])} />
    <${SelectField} label=${t('reports.year')} name="year" value=${parts.year}
      onChange=${(year) => set({ year })} options=${years} />
    ${parts.kind === 'quarter' ? html`<${SelectField} label=${t('reports.quarter')} name="quarter"
      value=${parts.part} onChange=${(part) => set({ part })}
      options=${['Q1', 'Q2', 'Q3', 'Q4'].map((q) => [q, t(`reports.${q}`)])} />` : null}
    ${parts.kind === 'month' ? html`<${SelectField} label=${t('reports.month')} name="month"
      value=${parts.part} onChange=${(part) => set({ part })}
      options=${months.map((m) => [m, t('reports.monthName', { n: Number(m) })])} />` : null}
  </div>`;
}

function Targets({ year, counties, onSaved }) {
  const current = useLoad(() => api.get(`/api/v1/targets/${year}`), [year]);
  const [values, setValues] = useState({});
  const [state, setState] = useState({ error: null, done: false });
  useEffect(() => {
    const next = {};
    for (const row of current.data?.targets ?? []) next[`${row.county}/${row.category}`] = String(row.target);
    setValues(next);
  }, [current.data]);
  const save = async (event) => {
    event.preventDefault();
    const targets = Object.entries(values).filter(([, v]) => v !== '')
      .map(([key, v]) => ({ county: key.split('/')[0], category: key.split('/')[1], target: Number(v) }));
    try {
      await api.put(`/api/v1/targets/${year}`, { targets });
      setState({ error: null, done: true });
      onSaved();
    } catch (error) {
      setState({ error, done: false });
    }
  };
  return html`<form class="targets" onSubmit=${save}>
    <h2>${t('reports.targets', { year })}</h2>
    <table><thead><tr><th scope="col">${t('reports.county')}</th>
      ${categories.map((c) => html`<th scope="col">${t(`category.${c}`)}</th>`)}</tr></thead>
    <tbody>${counties.map((county) => html`<tr><th scope="row">${local(county.name)}</th>
      ${categories.map((c) => html`<td><input type="number" min="0" max="100000" inputmode="numeric"
        aria-label=${`${local(county.name)} ${t(`category.${c}`)}`} value=${values[`${county.code}/${c}`] ?? ''}
        onInput=${(e) => setValues({ ...values, [`${county.code}/${c}`]: e.currentTarget.value })} /></td>`)}
    </tr>`)}</tbody></table>
    ${state.error ? html`<${ErrorMessage} error=${state.error} />` : null}
    ${state.done ? html`<${Done} text=${t('reports.targetsSaved')} />` : null}
    <button class="primary" type="submit">${t('reports.saveTargets')}</button>
  </form>`;
}

function Figures({ report, counties }) {
  const name = (code) => local(counties.find((c) => c.code === code)?.name) || code;
  const c = report.certified;
  const f = report.flows.total;
  const withTargets = report.ranking.some((k) => k.progress !== null);
  const bars = report.ranking.map((k) => withTargets
    ? { label: name(k.county), value: k.progress ?? 0, shown: percent(k.progress) }
    : { label: name(k.county), value: k.certified, shown: String(k.certified) });
  const tiles = [['reports.certified', c.total, `${t('reports.vsPrevious')} ${signed(c.total - c.previous)} · ${t('reports.vsYearEarlier')} ${signed(c.total - c.year_earlier)}`],
                 ['reports.newlyCertified', f.newly_certified], ['reports.renewed', f.renewed],
                 ['reports.suspended', f.suspended], ['reports.removed', f.removed],
                 ['reports.expired', f.expired], ['reports.applications', f.applications],
                 ['reports.complaints', report.complaints.received]];
  return html`<div class="report">
    <ul class="tiles">${tiles.map(([key, value, note]) => html`<li data-figure=${key}>
      <span>${t(key)}</span><strong>${value}</strong>${note ? html`<small>${note}</small>` : null}</li>`)}</ul>
    <h2>${t('reports.ranking')}</h2>
    <${BarChart} title=${withTargets ? t('reports.progress') : t('reports.certified')} bars=${bars} />
    <table class="ranking"><thead><tr>
      ${['rank', 'county', 'certified', 'target', 'progressShort', 'newlyCertified', 'removed']
        .map((k) => html`<th scope="col">${t(`reports.${k}`)}</th>`)}</tr></thead>
    <tbody>${report.ranking.map((k) => html`<tr><td>${k.rank}</td><td>${name(k.county)}</td>
      <td>${k.certified}</td><td>${k.target || '—'}</td><td>${percent(k.progress)}</td>
      <td>${k.newly_certified}</td><td>${k.removed}</td></tr>`)}</tbody></table>
    <h2>${t('reports.supervision')}</h2>
    <table><thead><tr>${['kindColumn', 'due', 'done', 'made'].map((k) => html`<th scope="col">${t(`reports.${k}`)}</th>`)}</tr></thead>
    <tbody>${report.supervision.by_kind.map((k) => html`<tr><td>${t(`kind.${k.kind}`)}</td>
      <td>${k.due}</td><td>${k.done}</td><td>${k.made}</td></tr>`)}</tbody></table>
    <p>${t('reports.supervisionLine', { overdue: report.supervision.overdue_reviews,
      open: report.supervision.rectifications.open, late: report.supervision.rectifications.overdue })}</p>
    <h2>${t('reports.cases')}</h2>
    <p>${t('reports.casesLine', { received: report.complaints.received, upheld: report.complaints.upheld,
      hours: report.complaints.median_hours_to_triage ?? '—', appeals: report.appeals.filed,
      granted: percent(report.appeals.granted_share) })}</p>
    <h2>${t('reports.mostFailed')}</h2>
    ${report.quality.most_failed.length === 0 ? html`<p>${t('reports.none')}</p>` : html`<ol class="failed">
      ${report.quality.most_failed.map((item) => html`<li>${t(`category.${item.category}`)} · ${local(item.title)}
        <span class="meta">${t('reports.failedTimes', { n: item.failed, of: item.inspections })}</span></li>`)}</ol>`}
    <h2>${t('reports.removals')}</h2>
    ${report.removals.length === 0 ? html`<p>${t('reports.none')}</p>` : html`<ul class="removals">
      ${report.removals.map((m) => html`<li><a href=${`#/entries/${m.entry_id}`}>${local(m.name)}</a>
        · ${name(m.county)} · ${m.on} · ${local(m.reason.title)}</li>`)}</ul>`}
  </div>`;
}

export function Reports({ user, query }) {
  const period = query.period ?? currentQuarter();
  const county = user.role === 'county_admin' ? user.county : (query.county ?? '');
  const counties = useCounties();
  const report = useLoad(() => api.get('/api/v1/reports', { period, county }), [period, county]);
  const choose = (change) => go('/reports', { period, county: query.county, ...change });
  const download = (path, format) => api.withQuery(path, { period, county, format, lang: lang() === 'en' ? 'en' : 'zh' });
  const known = counties.data ?? [];
  const shown = county ? known.filter((c) => c.code === county) : known;
  return html`<section>
    <h1>${t('reports.title')}</h1>
    <${PeriodPicker} period=${period} onChange=${(next) => choose({ period: next })} />
    ${user.role === 'city_admin' ? html`<div class="filters"><${SelectField} label=${t('reports.county')}
      name="county" value=${county} onChange=${(value) => choose({ county: value })}
      options=${[['', t('reports.wholeCity')], ...known.map((c) => [c.code, local(c.name)])]} /></div>` : null}
    <p class="downloads">
      <a class="button" href=${download('/api/v1/reports/bulletin', 'pdf')} download>${t('reports.bulletinPdf')}</a>
      <a class="button" href=${download('/api/v1/reports/bulletin', 'html')} target="_blank" rel="noopener">${t('reports.bulletinHtml')}</a>
      <a class="button" href=${download('/api/v1/reports', 'csv')} download>${t('reports.csv')}</a>
    </p>
    ${report.loading && !report.data ? html`<${Loading} />` : null}
    ${report.error ? html`<${ErrorMessage} error=${report.error} />` : null}
    ${report.data ? html`<h2 class="period">${local(report.data.period.title)}</h2>
      <${Figures} report=${report.data} counties=${known} />` : null}
    ${user.role === 'city_admin' && known.length ? html`<${Targets} year=${period.slice(0, 4)}
      counties=${shown} onSaved=${report.reload} />` : null}
  </section>`;
}
