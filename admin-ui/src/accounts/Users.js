// Accounts an admin manages: list (by role, name), create, disable or enable, reset password.
import { html, useState } from '../html.js';
import { api } from '../api.js';
import { t, local } from '../i18n.js';
import { go } from '../router.js';
import { usePaged } from '../components/useLoad.js';
import { TextField, SelectField } from '../components/Field.js';
import { ConfirmButton } from '../components/Confirm.js';
import { ErrorMessage, Done } from '../components/Feedback.js';
import { PagedList } from '../components/PagedList.js';
import { useAction, submitting } from '../components/useAction.js';
import { useCounties } from '../entries/EntryList.js';

const roles = ['city_admin', 'county_admin', 'inspector', 'business'];

function CreateUser({ user, reload }) {
  const county = user.role === 'county_admin';
  const blank = { username: '', display_name: '', role: 'inspector', county: user.county ?? '', password: '' };
  const [form, setForm] = useState(blank);
  const [created, setCreated] = useState('');
  const counties = useCounties();
  const set = (key) => (value) => setForm({ ...form, [key]: value });
  const { run, error } = useAction(async () => {
    setCreated('');
    const body = { ...form };
    if (!body.county) delete body.county;
    const reply = await api.post('/api/v1/users', body);
    setCreated(t('users.created', { name: reply.user.username }));
    setForm(blank);
    reload();
  });
  const allowed = county ? ['inspector', 'business'] : roles;
  return html`<form class="card" onSubmit=${submitting(run)} novalidate>
    <h2>${t('users.new')}</h2>
    <${TextField} label=${t('users.username')} name="username" value=${form.username} onInput=${set('username')}
      error=${error?.fields?.username} autocapitalize="none" />
    <${TextField} label=${t('users.displayName')} name="display_name" value=${form.display_name}
      onInput=${set('display_name')} error=${error?.fields?.display_name} />
    <${SelectField} label=${t('users.role')} name="role" value=${form.role} onChange=${set('role')}
      error=${error?.fields?.role} options=${allowed.map((r) => [r, t(`role.${r}`)])} />
    ${county ? null : html`<${SelectField} label=${t('entries.county')} name="county" value=${form.county}
      onChange=${set('county')} error=${error?.fields?.county}
      options=${[['', t('users.noCounty')], ...(counties.data ?? []).map((c) => [c.code, local(c.name)])]} />`}
    <${TextField} label=${t('users.password')} name="password" type="password" value=${form.password}
      onInput=${set('password')} error=${error?.fields?.password} hint=${t('password.rule')} autocomplete="new-password" />
    <${ErrorMessage} error=${error} fieldsShown=${Object.keys(blank)} />
    <${Done} text=${created} />
    <button type="submit" class="primary">${t('users.create')}</button>
  </form>`;
}

function Account({ account, me, reload }) {
  const [password, setPassword] = useState('');
  const [done, setDone] = useState('');
  const { run: change, error } = useAction(async (body, message) => {
    setDone('');
    await api.patch(`/api/v1/users/${account.id}`, body);
    setDone(message);
    setPassword('');
    reload();
  });
  const manageable = me.role === 'city_admin' || ['inspector', 'business'].includes(account.role);
  return html`<li class="card">
    <strong>${account.display_name}</strong> <code>${account.username}</code>
    <p class="meta">${t(`role.${account.role}`)}${account.county ? ` · ${account.county}` : ''}
      ${account.disabled ? html` · <span class="state state-revoked">${t('users.disabled')}</span>` : null}</p>
    ${manageable && account.id !== me.id ? html`<form class="account-tools" onSubmit=${(event) => event.preventDefault()}>
      <${ConfirmButton} label=${account.disabled ? t('users.enable') : t('users.disable')} danger=${!account.disabled}
        consequence=${account.disabled ? t('users.enableConsequence', { name: account.username })
                                       : t('users.disableConsequence', { name: account.username })}
        onConfirm=${() => change({ disabled: !account.disabled }, '')} />
      <input type="text" name="username" autocomplete="username" value=${account.username} hidden />
      <${TextField} label=${t('users.newPassword')} name="password" type="password" value=${password}
        onInput=${setPassword} error=${error?.fields?.password} autocomplete="new-password" />
      <${ConfirmButton} label=${t('users.reset')} disabled=${!password}
        consequence=${t('users.resetConsequence', { name: account.username })}
        onConfirm=${() => change({ password }, t('users.resetDone'))} />
      <${ErrorMessage} error=${error} fieldsShown=${['password']} />
      <${Done} text=${done} />
    </form>` : null}
  </li>`;
}

export function Users({ user, query }) {
  const list = usePaged('/api/v1/users', 'users', query);
  const [text, setText] = useState(query.q ?? '');
  const filter = (name, value) => go('/users', { ...query, [name]: value });
  return html`<section>
    <h1>${t('users.title')}</h1>
    <form class="filters" role="search" onSubmit=${(event) => { event.preventDefault(); filter('q', text.trim()); }}>
      <${TextField} label=${t('users.search')} name="q" type="search" value=${text} onInput=${setText} />
      <${SelectField} label=${t('users.role')} name="role" value=${query.role ?? ''} onChange=${(v) => filter('role', v)}
        options=${[['', t('all')], ...roles.map((r) => [r, t(`role.${r}`)])]} />
      <button type="submit">${t('entries.searchButton')}</button>
    </form>
    <${PagedList} list=${list} className="list" render=${(account) => html`<${Account} key=${account.id}
      account=${account} me=${user} reload=${list.reload} />`} />
    <${CreateUser} user=${user} reload=${list.reload} />
  </section>`;
}
