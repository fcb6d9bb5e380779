// What a business can do for its entry: apply (or re-apply after the bar), appeal a decision
// within its window, and publish a reply beside its public record.
import { html, useState } from '../html.js';
import { api } from '../api.js';
import { t, formatDate } from '../i18n.js';
import { TextArea } from '../components/Field.js';
import { ConfirmButton } from '../components/Confirm.js';
import { ErrorMessage, Done } from '../components/Feedback.js';
import { useAction, submitting } from '../components/useAction.js';

function Apply({ entry, reload }) {
  const closed = ['revoked', 'expired', 'not_certified'].includes(entry.state);
  if (!closed) return null;
  if (entry.barred_until)
    return html`<p class="message">${t('apply.barred', { date: formatDate(entry.barred_until) })}</p>`;
  return html`<${ConfirmButton} label=${t('apply.button')} consequence=${t('apply.consequence')}
    onConfirm=${async () => {
      await api.post('/api/v1/inspections', { kind: 'initial', entry_id: entry.id });
      reload();
    }} />`;
}

function Appeal({ decision, reload }) {
  const [grounds, setGrounds] = useState('');
  const { run, error } = useAction(async () => {
    await api.post(`/api/v1/decisions/${decision.id}/appeals`, { grounds });
    reload();
  });
  return html`<div class="card">
    <h3>${t('appeal.title', { kind: t(`decision.${decision.kind}`), date: formatDate(decision.appeal_until) })}</h3>
    <${TextArea} label=${t('appeal.grounds')} name="grounds" value=${grounds} onInput=${setGrounds}
      error=${error?.fields?.grounds} />
    <${ErrorMessage} error=${error} fieldsShown=${['grounds']} />
    <${ConfirmButton} label=${t('appeal.submit')} consequence=${t('appeal.consequence')}
      onConfirm=${run} />
  </div>`;
}

function Reply({ entry, reload }) {
  const [text, setText] = useState(entry.reply ?? '');
  const [saved, setSaved] = useState(false);
  const { run, error } = useAction(async () => {
    setSaved(false);
    await api.put(`/api/v1/entries/${entry.id}/reply`, { text });
    setSaved(true);
    reload();
  });
  return html`<form class="card" onSubmit=${submitting(run)} novalidate>
    <h3>${t('reply.title')}</h3>
    <${TextArea} label=${t('reply.text')} name="reply" value=${text} onInput=${setText}
      hint=${t('reply.hint')} error=${error?.fields?.text} maxlength="300" />
    <${ErrorMessage} error=${error} fieldsShown=${['text']} />
    <${Done} text=${saved ? t('reply.saved') : ''} />
    <button type="submit">${t('reply.save')}</button>
  </form>`;
}

export function OwnerActions({ entry, reload }) {
  return html`<section aria-labelledby="owner-actions">
    <h2 id="owner-actions">${t('owner.actions')}</h2>
    ${entry.rectification ? html`<div class="card rectification">
      <h3>${t('rectification.title')}</h3>
      <p>${entry.rectification.findings}</p>
      <p class="deadline">${t('entry.rectifyBy', { date: formatDate(entry.rectification.deadline) })}</p>
    </div>` : null}
    <${Apply} entry=${entry} reload=${reload} />
    ${(entry.appealable ?? []).map((decision) => html`<${Appeal} decision=${decision} reload=${reload} />`)}
    <${Reply} entry=${entry} reload=${reload} />
  </section>`;
}
