// Creating and editing an entry; each problem the server finds shows beside its field.
import { html, useState, useEffect } from '../html.js';
import { api } from '../api.js';
import { t, local } from '../i18n.js';
import { go } from '../router.js';
import { TextField, TextArea, SelectField, CheckField } from '../components/Field.js';
import { ErrorMessage, Loading } from '../components/Feedback.js';
import { useAction, submitting } from '../components/useAction.js';
import { categories, useCounties } from './EntryList.js';

const blank = {
  category: 'homestay', name: { zh: '', en: '' }, county: '', address: { zh: '', en: '' },
  contact: '', contact_public: false, description: { zh: '', en: '' }, owner: '', producer: '',
  origin: '', specification: '', dishes: '',
};

/** The featured dishes as the form holds them: one per line. */
const dishList = (text) => text.split('\n').map((line) => line.trim()).filter(Boolean);

/** What the form sends: the fields this person may set, empty optional ones left out. */
function body(form, office, creating) {
  const out = { contact: form.contact, contact_public: form.contact_public,
                description: form.description };
  if (form.category === 'restaurant') out.featured_dishes = dishList(form.dishes);
  if (!office) return out;
  Object.assign(out, { name: form.name, county: form.county, address: form.address });
  if (creating) out.category = form.category;
  if (form.owner) out.owner = form.owner;
  if (form.category === 'product')
    for (const key of ['producer', 'origin', 'specification']) if (form[key]) out[key] = form[key];
  return out;
}

export function EntryForm({ user, id }) {
  const office = user.role === 'city_admin' || user.role === 'county_admin';
  const [form, setForm] = useState(id ? null : { ...blank, county: user.county ?? '' });
  const [loadError, setLoadError] = useState(null);
  const counties = useCounties();
  const { run, error } = useAction(async () => {
    const reply = id ? await api.patch(`/api/v1/entries/${id}`, body(form, office, false))
                     : await api.post('/api/v1/entries', body(form, office, true));
    go(`/entries/${reply.entry.id}`);
  });
  useEffect(() => {
    if (!id) return;
    api.get(`/api/v1/entries/${id}`).then(({ entry }) => setForm({
      ...blank, ...entry, owner: entry.owner ?? '', producer: entry.producer ?? '',
      origin: entry.origin ?? '', specification: entry.specification ?? '',
      dishes: (entry.featured_dishes ?? []).join('\n'),
    })).catch(setLoadError);
  }, [id]);
  if (!form) return loadError ? html`<${ErrorMessage} error=${loadError} />` : html`<${Loading} />`;
  const set = (key) => (value) => setForm({ ...form, [key]: value });
  const setText = (key, language) => (value) => setForm({ ...form, [key]: { ...form[key], [language]: value } });
  const problem = (key) => error?.fields?.[key];
  const shown = ['category', 'name', 'name.zh', 'name.en', 'county', 'address', 'address.zh',
                 'address.en', 'contact', 'description', 'description.zh', 'description.en', 'owner',
                 'producer', 'origin', 'specification', 'contact_public', 'featured_dishes'];
  return html`<section>
    <h1>${id ? t('entryForm.edit', { name: local(form.name) }) : t('entryForm.new')}</h1>
    <form onSubmit=${submitting(run)} novalidate>
      ${office && !id ? html`<${SelectField} label=${t('entries.category')} name="category"
        value=${form.category} onChange=${set('category')} error=${problem('category')}
        options=${categories.map((c) => [c, t(`category.${c}`)])} />` : null}
      ${office ? html`
        <${TextField} label=${t('entryForm.nameZh')} name="name_zh" value=${form.name.zh}
          onInput=${setText('name', 'zh')} error=${problem('name.zh') ?? problem('name')} required />
        <${TextField} label=${t('entryForm.nameEn')} name="name_en" value=${form.name.en}
          onInput=${setText('name', 'en')} error=${problem('name.en')} />
        <${SelectField} label=${t('entries.county')} name="county" value=${form.county}
          onChange=${set('county')} error=${problem('county')} disabled=${user.role === 'county_admin'}
          options=${[['', t('choose')], ...(counties.data ?? []).map((c) => [c.code, local(c.name)])]} />
        <${TextField} label=${t('entryForm.addressZh')} name="address_zh" value=${form.address.zh}
          onInput=${setText('address', 'zh')} error=${problem('address.zh') ?? problem('address')} />
        <${TextField} label=${t('entryForm.addressEn')} name="address_en" value=${form.address.en}
          onInput=${setText('address', 'en')} error=${problem('address.en')} />
        <${TextField} label=${t('entryForm.owner')} name="owner" value=${form.owner}
          onInput=${set('owner')} error=${problem('owner')} hint=${t('entryForm.ownerHint')} />` : null}
      <${TextField} label=${t('entryForm.contact')} name="contact" value=${form.contact}
        onInput=${set('contact')} error=${problem('contact')} />
      <${CheckField} label=${t('entryForm.contactPublic')} name="contact_public"
        checked=${form.contact_public} onChange=${set('contact_public')} />
      <${TextArea} label=${t('entryForm.descriptionZh')} name="description_zh" value=${form.description.zh}
        onInput=${setText('description', 'zh')} error=${problem('description.zh') ?? problem('description')} />
      <${TextArea} label=${t('entryForm.descriptionEn')} name="description_en" value=${form.description.en}
        onInput=${setText('description', 'en')} error=${problem('description.en')} />
      ${form.category === 'restaurant' ? html`<${TextArea} label=${t('entryForm.dishes')}
        name="featured_dishes" value=${form.dishes} onInput=${set('dishes')}
        error=${problem('featured_dishes')} hint=${t('entryForm.dishesHint')} />` : null}
      ${office && form.category === 'product' ? ['producer', 'origin', 'specification'].map((key) =>
        html`<${TextField} label=${t(`entryForm.${key}`)} name=${key} value=${form[key]}
          onInput=${set(key)} error=${problem(key)} />`) : null}
      <${ErrorMessage} error=${error} fieldsShown=${shown} />
      <div class="actions">
        <button type="submit" class="primary">${t('save')}</button>
        <a class="button" href=${id ? `#/entries/${id}` : '#/entries'}>${t('cancel')}</a>
      </div>
    </form>
  </section>`;
}
