// The lists behind an office's home counts, each item with what the office decides about it:
// complaints (triage), reports of fake plaques, objections to notices, appeals (heard by another admin), open
// rectifications and notices.
import { html, useState } from '../html.js';
import { api } from '../api.js';
import { t, local, formatDate, formatTime, today } from '../i18n.js';
import { usePaged } from '../components/useLoad.js';
import { TextField, TextArea } from '../components/Field.js';
import { ConfirmButton } from '../components/Confirm.js';
import { ErrorMessage } from '../components/Feedback.js';
import { PagedList } from '../components/PagedList.js';
import { useAction } from '../components/useAction.js';

const lists = {
  complaints: { key: 'complaints', status: ['new', 'dismissed', 'upheld', 'inspect'] },
  'plaque-reports': { key: 'reports', status: ['new', 'confirmed', 'dismissed'] },
  objections: { key: 'objections', status: ['open', 'dismissed', 'upheld'] },
  appeals: { key: 'appeals', status: ['open', 'granted', 'rejected'] },
  rectifications: { key: 'rectifications' },
  notices: { key: 'notices' },
};

function EntryLink({ entry }) {
  return entry ? html`<a href=${`#/entries/${entry.id}`}><strong>${local(entry.name)}</strong></a>` : null;
}

/** A resolution text and the two outcomes of a decision, each confirmed. */
function Resolve({ path, outcomes, consequences, reload }) {
  const [text, setText] = useState('');
  const { run: decide, error } = useAction(async (decision) => {
    await api.post(path, { decision, resolution: text });
    reload();
  });
  return html`<div class="resolve">
    <${TextArea} label=${t('resolve.text')} name="resolution" value=${text} onInput=${setText}
      error=${error?.fields?.resolution} />
    <${ErrorMessage} error=${error} fieldsShown=${['resolution']} />
    <div class="actions">${outcomes.map((outcome, i) => html`<${ConfirmButton}
      label=${t(`resolve.${outcome}`)} consequence=${consequences[i]} onConfirm=${() => decide(outcome)} />`)}
    </div>
  </div>`;
}

function Triage({ complaint, reload }) {
  const [note, setNote] = useState('');
  const [date, setDate] = useState(today(7));
  const { run: triage, error } = useAction(async (decision) => {
    const body = { decision, note };
    if (decision === 'inspect') body.scheduled_on = date;
    await api.post(`/api/v1/complaints/${complaint.id}/triage`, body);
    reload();
  });
  const name = local(complaint.entry?.name);
  return html`<div class="resolve">
    <${TextArea} label=${t('triage.note')} name="note" value=${note} onInput=${setNote} error=${error?.fields?.note} />
    <${TextField} label=${t('triage.date')} name="scheduled_on" type="date" value=${date} onInput=${setDate}
      error=${error?.fields?.scheduled_on} />
    <${ErrorMessage} error=${error} fieldsShown=${['note', 'scheduled_on']} />
    <div class="actions">
      <${ConfirmButton} label=${t('triage.inspect')} consequence=${t('triage.inspectConsequence', { name, date: formatDate(date) })}
        onConfirm=${() => triage('inspect')} />
      <${ConfirmButton} label=${t('triage.upheld')} consequence=${t('triage.upheldConsequence', { name })}
        onConfirm=${() => triage('upheld')} />
      <${ConfirmButton} label=${t('triage.dismissed')} consequence=${t('triage.dismissedConsequence')}
        onConfirm=${() => triage('dismissed')} />
    </div>
  </div>`;
}

function Item({ kind, item, reload }) {
  if (kind === 'complaints')
    return html`<li class="card">
      <${EntryLink} entry=${item.entry} />
      <p class="meta">${t(`complaint.${item.category}`)} · ${formatTime(item.created_at)} · ${t(`complaintStatus.${item.status}`)}</p>
      <p>${item.description}</p>
      ${item.triage_note ? html`<p class="note">${item.triage_note}</p>` : null}
      ${item.status === 'new' ? html`<${Triage} complaint=${item} reload=${reload} />` : null}
    </li>`;
  if (kind === 'plaque-reports')
    return html`<li class="card">
      <strong>${item.place_name}</strong> · ${item.reference}
      <p class="meta">${item.county} · ${item.address} · ${formatTime(item.created_at)} · ${t(`plaque-reports.status.${item.status}`)}</p>
      <p>${item.seen}</p>
      ${item.photo_url ? html`<p><a href=${item.photo_url} target="_blank" rel="noopener">${t('plaqueReports.photo')}</a></p>` : null}
      ${item.contact ? html`<p class="meta">${t('plaqueReports.contact', { contact: item.contact })}</p>` : null}
      ${item.triage_note ? html`<p class="note">${item.triage_note}</p>` : null}
      ${item.status === 'new' ? html`<${Resolve} path=${`/api/v1/plaque-reports/${item.id}/triage`}
        outcomes=${['confirmed', 'dismissed']} reload=${reload}
        consequences=${[t('plaqueReports.confirmedConsequence'), t('plaqueReports.dismissedConsequence')]} />` : null}
    </li>`;
  if (kind === 'objections')
    return html`<li class="card">
      <${EntryLink} entry=${item.entry} />
      <p class="meta">${t('objections.notice', { until: formatDate(item.notice.ends_on) })} · ${t(`objection.${item.status}`)}</p>
      <p>${item.text}</p>
      ${item.resolution ? html`<p class="note">${item.resolution}</p>` : null}
      ${item.status === 'open' ? html`<${Resolve} path=${`/api/v1/objections/${item.id}/decision`}
        outcomes=${['upheld', 'dismissed']} reload=${reload}
        consequences=${[t('objections.upheldConsequence'), t('objections.dismissedConsequence')]} />` : null}
    </li>`;
  if (kind === 'appeals')
    return html`<li class="card">
      <${EntryLink} entry=${item.entry} />
      <p class="meta">${t(`decision.${item.decision.kind}`)} · ${t('appeals.decidedBy', { by: item.decision.decided_by })}
        · ${t('appeals.filed', { by: item.filed_by, at: formatTime(item.filed_at) })} · ${t(`appeal.${item.status}`)}</p>
      <p>${item.grounds}</p>
      ${item.resolution ? html`<p class="note">${item.resolution}</p>` : null}
      ${item.status === 'open' ? html`<${Resolve} path=${`/api/v1/appeals/${item.id}/decision`}
        outcomes=${['granted', 'rejected']} reload=${reload}
        consequences=${[t('appeals.grantedConsequence', { kind: t(`decision.${item.decision.kind}`) }),
                        t('appeals.rejectedConsequence')]} />` : null}
    </li>`;
  if (kind === 'rectifications')
    return html`<li class="card">
      <${EntryLink} entry=${item.entry} />
      <p class="meta">${item.certificate.serial} · ${t('entry.rectifyBy', { date: formatDate(item.deadline) })}
        ${item.suspended ? html` · ${t('certificate.suspended')}` : null}</p>
      <p>${item.findings}</p>
    </li>`;
  return html`<li class="card">
    <${EntryLink} entry=${item.entry} />
    <p class="meta">${t('notices.until', { date: formatDate(item.ends_on) })} ·
      ${t('notices.objections', { n: item.open_objections })}</p>
  </li>`;
}

export function OfficeList({ kind, query }) {
  const spec = lists[kind];
  const list = usePaged(`/api/v1/${kind}`, spec.key, query);
  return html`<section>
    <h1>${t(`lists.${kind}`)}</h1>
    ${spec.status ? html`<nav class="tabs" aria-label=${t('lists.filter')}>
      <a href=${`#/${kind}`} aria-current=${!query.status ? 'page' : undefined}>${t('all')}</a>
      ${spec.status.map((status) => html`<a href=${`#/${kind}?status=${status}`}
        aria-current=${query.status === status ? 'page' : undefined}>${t(`${kind}.status.${status}`)}</a>`)}
    </nav>` : null}
    <${PagedList} list=${list} className="list"
      render=${(item) => html`<${Item} kind=${kind} item=${item} reload=${list.reload} />`} />
  </section>`;
}
