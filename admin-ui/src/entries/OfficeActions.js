// What an office can do about an entry: open an inspection (review, spot check), order a
// rectification (optionally suspending the plaque) and remove it from the list (摘牌).
import { html, useState } from '../html.js';
import { api } from '../api.js';
import { t, local, formatDate, today } from '../i18n.js';
import { TextField, TextArea, SelectField, CheckField } from '../components/Field.js';
import { ConfirmButton } from '../components/Confirm.js';
import { ErrorMessage } from '../components/Feedback.js';
import { useAction } from '../components/useAction.js';
import { InspectorPicker } from '../inspections/InspectorPicker.js';

export const revocationReasons = ['failed_review', 'serious_incident', 'fraud', 'closure', 'withdrawal',
                                  'missed_rectification', 'upheld_complaints'];

function OpenInspection({ entry, reload }) {
  // A passed re-inspection is what reinstates a suspended plaque and closes its rectification.
  const kinds = entry.rectification ? ['reinspection', 'review', 'spot_check']
                                    : ['initial', 'review', 'spot_check'];
  const [kind, setKind] = useState(entry.rectification ? 'reinspection'
    : entry.certificate?.status === 'active' ? 'spot_check' : 'initial');
  const [date, setDate] = useState(today(7));
  const [inspectors, setInspectors] = useState([]);
  const { run, error } = useAction(async () => {
    const reply = await api.post('/api/v1/inspections', {
      kind, entry_id: entry.id, scheduled_on: date, inspectors });
    location.hash = `#/inspections/${reply.inspection.id}`;
  });
  return html`<div class="card">
    <h3>${t('open.title')}</h3>
    <${SelectField} label=${t('open.kind')} name="kind" value=${kind} onChange=${setKind}
      options=${kinds.map((k) => [k, t(`kind.${k}`)])} />
    <${TextField} label=${t('open.date')} name="scheduled_on" type="date" value=${date}
      onInput=${setDate} error=${error?.fields?.scheduled_on} />
    <${InspectorPicker} county=${entry.county} selected=${inspectors} onChange=${setInspectors} />
    <${ErrorMessage} error=${error} fieldsShown=${['scheduled_on']} />
    <${ConfirmButton} label=${t('open.submit')}
      consequence=${t(kind === 'spot_check' ? 'open.consequenceSpot'
        : kind === 'reinspection' ? 'open.consequenceReinspection' : 'open.consequence', {
        kind: t(`kind.${kind}`), name: local(entry.name), date: formatDate(date) })}
      onConfirm=${run} />
  </div>`;
}

function Rectify({ entry, reload }) {
  const [findings, setFindings] = useState('');
  const [deadline, setDeadline] = useState(today(30));
  const [suspend, setSuspend] = useState(false);
  const serial = entry.certificate.serial;
  const { run, error } = useAction(async () => {
    await api.post(`/api/v1/certificates/${serial}/rectifications`, { findings, deadline, suspend });
    reload();
  });
  return html`<div class="card">
    <h3>${t('rectify.title')}</h3>
    <${TextArea} label=${t('rectify.findings')} name="findings" value=${findings} onInput=${setFindings}
      error=${error?.fields?.findings} />
    <${TextField} label=${t('rectify.deadline')} name="deadline" type="date" value=${deadline}
      onInput=${setDeadline} error=${error?.fields?.deadline} />
    <${CheckField} label=${t('rectify.suspend')} name="suspend" checked=${suspend} onChange=${setSuspend} />
    <${ErrorMessage} error=${error} fieldsShown=${['findings', 'deadline']} />
    <${ConfirmButton} label=${t('rectify.submit')} danger=${suspend}
      consequence=${t(suspend ? 'rectify.consequenceSuspend' : 'rectify.consequence', {
        name: local(entry.name), serial, date: formatDate(deadline) })}
      onConfirm=${run} />
  </div>`;
}

function Revoke({ entry, reload }) {
  const [reason, setReason] = useState('failed_review');
  const [note, setNote] = useState('');
  const [effective, setEffective] = useState(today());
  const serial = entry.certificate.serial;
  const { run, error } = useAction(async () => {
    await api.post(`/api/v1/certificates/${serial}/revocation`, { reason, note, effective_on: effective });
    reload();
  });
  const bars = reason !== 'closure' && reason !== 'withdrawal';
  return html`<div class="card danger-zone">
    <h3>${t('revoke.title')}</h3>
    <${SelectField} label=${t('revoke.reason')} name="reason" value=${reason} onChange=${setReason}
      error=${error?.fields?.reason} options=${revocationReasons.map((r) => [r, t(`reason.${r}`)])} />
    <${TextArea} label=${t('revoke.note')} name="note" value=${note} onInput=${setNote}
      error=${error?.fields?.note} />
    <${TextField} label=${t('revoke.effective')} name="effective_on" type="date" value=${effective}
      onInput=${setEffective} error=${error?.fields?.effective_on} />
    <${ErrorMessage} error=${error} fieldsShown=${['reason', 'note', 'effective_on']} />
    <${ConfirmButton} label=${t('revoke.submit')} danger=${true}
      consequence=${`${t('revoke.consequence', { serial, name: local(entry.name), date: formatDate(effective) })} ${
        bars ? t('revoke.bars') : t('revoke.noBar')}`}
      onConfirm=${run} />
  </div>`;
}

export function OfficeActions({ entry, reload }) {
  const current = entry.certificate && ['active', 'suspended'].includes(entry.certificate.status);
  return html`<section aria-labelledby="office-actions">
    <h2 id="office-actions">${t('office.actions')}</h2>
    <${OpenInspection} entry=${entry} reload=${reload} />
    ${current && !entry.rectification ? html`<${Rectify} entry=${entry} reload=${reload} />` : null}
    ${current ? html`<${Revoke} entry=${entry} reload=${reload} />` : null}
  </section>`;
}
