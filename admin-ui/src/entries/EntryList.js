// Entries: search and filters (category, county, grade, status), paged on the server.
import { html, useState } from '../html.js';
import { api } from '../api.js';
import { t, local } from '../i18n.js';
import { go } from '../router.js';
import { usePaged, useLoad } from '../components/useLoad.js';
import { TextField, SelectField } from '../components/Field.js';
import { PagedList } from '../components/PagedList.js';
import { EntryStateLine } from './EntryState.js';

export const categories = ['homestay', 'restaurant', 'product'];
export const entryStates = ['certified', 'suspended', 'on_notice', 'applied', 'revoked', 'expired',
                            'not_certified'];

export function useCounties() {
  return useLoad(() => api.get('/api/v1/counties').then((reply) => reply.counties), []);
}

export function EntryList({ user, query }) {
  const [text, setText] = useState(query.q ?? '');
  const counties = useCounties();
  const standards = useLoad(() => api.get('/api/v1/standards').then((r) => r.standards), []);
  const list = usePaged('/api/v1/entries', 'entries', query);
  const office = user.role === 'city_admin' || user.role === 'county_admin';
  const filter = (name, value) => go('/entries', { ...query, [name]: value });
  const grades = [];
  for (const standard of standards.data ?? [])
    if (!query.category || standard.category === query.category)
      for (const grade of standard.grades) grades.push([grade.id, `${local(grade.title)}（${local(standard.title)}）`]);
  return html`<section>
    <div class="heading">
      <h1>${t('entries.title')}</h1>
      ${office ? html`<a class="button primary" href="#/entries/new">${t('entries.new')}</a>` : null}
    </div>
    <form class="filters" role="search" onSubmit=${(event) => { event.preventDefault(); filter('q', text.trim()); }}>
      <${TextField} label=${t('entries.search')} name="q" type="search" value=${text} onInput=${setText} />
      <${SelectField} label=${t('entries.category')} name="category" value=${query.category ?? ''}
        onChange=${(value) => filter('category', value)}
        options=${[['', t('all')], ...categories.map((c) => [c, t(`category.${c}`)])]} />
      ${user.role === 'city_admin' ? html`<${SelectField} label=${t('entries.county')} name="county"
        value=${query.county ?? ''} onChange=${(value) => filter('county', value)}
        options=${[['', t('all')], ...(counties.data ?? []).map((c) => [c.code, local(c.name)])]} />` : null}
      <${SelectField} label=${t('entries.grade')} name="grade" value=${query.grade ?? ''}
        onChange=${(value) => filter('grade', value)} options=${[['', t('all')], ...grades]} />
      <${SelectField} label=${t('entries.status')} name="status" value=${query.status ?? ''}
        onChange=${(value) => filter('status', value)}
        options=${[['', t('all')], ...entryStates.map((s) => [s, t(`state.${s}`)])]} />
      <button type="submit">${t('entries.searchButton')}</button>
    </form>
    <${PagedList} list=${list} render=${(entry) => html`<li>
      <a href=${`#/entries/${entry.id}`}>
        <strong>${local(entry.name)}</strong>
        <span class="meta">${t(`category.${entry.category}`)} · ${local(entry.county_name)}</span>
        <${EntryStateLine} entry=${entry} />
      </a>
    </li>`} />
  </section>`;
}
