// Signing in.
import { html, useState } from '../html.js';
import { api } from '../api.js';
import { t } from '../i18n.js';
import { TextField } from '../components/Field.js';
import { ErrorMessage } from '../components/Feedback.js';
import { useAction, submitting } from '../components/useAction.js';
import { LanguageSwitch } from '../Layout.js';

export function Login({ onSignedIn, expired }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { run, error, busy } = useAction(async () => onSignedIn(await api.login(username.trim(), password)));
  return html`<main class="login">
    <div class="top-right"><${LanguageSwitch} /></div>
    <h1>${t('app.title')}</h1>
    <p class="lead">${t('login.lead')}</p>
    ${expired ? html`<div class="message" role="status"><p>${t('login.expired')}</p></div>` : null}
    <form onSubmit=${submitting(run)} novalidate>
      <${TextField} label=${t('login.username')} name="username" value=${username}
        onInput=${setUsername} autocomplete="username" autocapitalize="none" required />
      <${TextField} label=${t('login.password')} name="password" type="password" value=${password}
        onInput=${setPassword} autocomplete="current-password" required />
      <${ErrorMessage} error=${error} fieldsShown=${['username', 'password']} />
      <button type="submit" class="primary" disabled=${busy}>${t('login.submit')}</button>
    </form>
    <p class="aside"><a href="/directory">${t('login.public')}</a></p>
  </main>`;
}
