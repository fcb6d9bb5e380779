// Changing one's own password.
import { html, useState } from '../html.js';
import { api } from '../api.js';
import { t } from '../i18n.js';
import { TextField } from '../components/Field.js';
import { ErrorMessage, Done } from '../components/Feedback.js';
import { useAction, submitting } from '../components/useAction.js';

export function Password() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [done, setDone] = useState(false);
  const { run, error } = useAction(async () => {
    setDone(false);
    await api.post('/api/v1/session/password', { current_password: current, new_password: next });
    setDone(true);
    setCurrent('');
    setNext('');
  });
  return html`<section>
    <h1>${t('password.title')}</h1>
    <form onSubmit=${submitting(run)} novalidate>
      <${TextField} label=${t('password.current')} name="current_password" type="password"
        value=${current} onInput=${setCurrent} autocomplete="current-password"
        error=${error?.fields?.current_password} />
      <${TextField} label=${t('password.new')} name="new_password" type="password" value=${next}
        onInput=${setNext} autocomplete="new-password" hint=${t('password.rule')}
        error=${error?.fields?.new_password} />
      <${ErrorMessage} error=${error} fieldsShown=${['current_password', 'new_password']} />
      <${Done} text=${done ? t('password.done') : ''} />
      <button type="submit" class="primary">${t('password.submit')}</button>
    </form>
  </section>`;
}
