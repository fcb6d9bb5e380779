// An entry's whole history on one timeline, newest first: applications and inspections with
// their results, certificates, notices and objections, complaints, rectifications, decisions,
// appeals and the owner's reply.
import { html } from '../html.js';
import { t, tOr, formatDate, formatTime } from '../i18n.js';
import { gradeTitle } from '../standards/grades.js';

/** Events from an entry and its record: {at (sortable), when (shown), kind, text, link}. */
export function timelineEvents(entry, record, linkInspections = true) {
  const events = [];
  const add = (at, kind, text, link) => at && events.push({ at, kind, text, link });
  for (const c of record.certificates)
    add(c.issued_on, 'certificate', t('timeline.certificate', {
      serial: c.serial, grade: gradeTitle(c.standard.id, c.grade), until: formatDate(c.valid_until),
      status: t(`certificate.${c.status}`) }));
  for (const i of record.inspections) {
    const link = linkInspections ? `#/inspections/${i.id}` : undefined;
    add(i.created_at, 'inspection', t('timeline.inspectionOpened', {
      kind: t(`kind.${i.kind}`), date: formatDate(i.scheduled_on) }), link);
    if (i.submitted_at)
      add(i.submitted_at, 'inspection', t('timeline.inspectionSubmitted', {
        kind: t(`kind.${i.kind}`),
        grade: i.grade ? gradeTitle(i.standard.id, i.grade) : t('grade.none') }), link);
    if (i.decided_at)
      add(i.decided_at, 'inspection', t(`timeline.inspection.${i.status}`, {
        kind: t(`kind.${i.kind}`), by: i.decided_by ?? '', reason: i.decision_reason ?? '' }), link);
  }
  for (const n of record.notices)
    add(n.starts_at, 'notice', t('timeline.notice', {
      grade: gradeTitle(n.standard.id, n.grade), until: formatDate(n.ends_on),
      status: t(`notice.${n.status}`) }));
  for (const o of record.objections ?? [])
    add(o.created_at, 'objection', t('timeline.objection', {
      text: o.text, status: t(`objection.${o.status}`) }));
  for (const c of record.complaints ?? [])
    add(c.created_at, 'complaint', t('timeline.complaint', {
      category: t(`complaint.${c.category}`), text: c.description, status: t(`complaintStatus.${c.status}`) }));
  for (const r of record.rectifications)
    add(r.created_at, 'rectification', t(r.suspended ? 'timeline.rectificationSuspended' : 'timeline.rectification', {
      findings: r.findings, deadline: formatDate(r.deadline), status: t(`rectification.${r.status}`) }));
  for (const d of record.decisions) {
    add(d.decided_at, 'decision', t('timeline.decision', {
      kind: t(`decision.${d.kind}`), reason: tOr(`reason.${d.reason}`, d.reason),
      date: formatDate(d.effective_on), until: formatDate(d.appeal_until) }));
    if (d.appeal) {
      add(d.appeal.filed_at, 'appeal', t('timeline.appeal', { grounds: d.appeal.grounds }));
      if (d.appeal.decided_at)
        add(d.appeal.decided_at, 'appeal', t(`timeline.appeal.${d.appeal.status}`, {
          resolution: d.appeal.resolution ?? '' }));
    }
  }
  if (entry.reply) add(entry.reply_at, 'reply', t('timeline.reply', { text: entry.reply }));
  const key = (event) => (event.at.length === 10 ? `${event.at}T00:00:00Z` : event.at);
  return events.sort((a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0));
}

/** linkInspections: whether inspections link to their page (owners read results on this one). */
export function Timeline({ entry, record, linkInspections }) {
  const events = timelineEvents(entry, record, linkInspections);
  if (events.length === 0) return html`<p class="empty">${t('timeline.empty')}</p>`;
  return html`<ol class="timeline">
    ${events.map((event) => html`<li class=${`event event-${event.kind}`}>
      <time datetime=${event.at}>${event.at.length === 10 ? formatDate(event.at) : formatTime(event.at)}</time>
      <span class="kind">${t(`timeline.kind.${event.kind}`)}</span>
      <p>${event.link ? html`<a href=${event.link}>${event.text}</a>` : event.text}</p>
    </li>`)}
  </ol>`;
}

