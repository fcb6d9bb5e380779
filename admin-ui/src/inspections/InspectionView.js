// A submitted (or decided) inspection as offices, owners and inspectors read it: the result
// and why, every score with its note and photos; offices assign, confirm, refuse or cancel.
import { html, useState } from '../html.js';
import { api } from '../api.js';
import { t, local, formatDate, formatTime, today } from '../i18n.js';
import { TextField, TextArea } from '../components/Field.js';
import { ConfirmButton } from '../components/Confirm.js';
import { ErrorMessage, Done } from '../components/Feedback.js';
import { useAction, submitting } from '../components/useAction.js';
import { InspectorPicker } from './InspectorPicker.js';
import { Evaluation } from './Preview.js';
import { failedScore, itemMax } from './sheetMath.js';
import { gradeTitle } from '../standards/grades.js';

function scoreText(item, value) {
  if (value === undefined) return t('sheet.notScored');
  if (value === 'n/a') return t('sheet.na');
  if (value === 'pass' || value === 'fail') return t(`sheet.${value}`);
  return t('sheet.pointsOf', { n: value, max: itemMax(item) });
}

function Scores({ inspection, evidence, standard }) {
  return standard.sections.map((section) => html`<section class="card">
    <h3>${local(section.title)}</h3>
    <ol class="scores">${section.items.map((item) => {
      const value = inspection.scores[item.id];
      const photos = evidence.filter((e) => e.item === item.id);
      const failed = failedScore(item, value);
      return html`<li class=${failed ? 'failed' : ''}>
        <span class="item-title">${local(item.title)}</span>
        <strong class="value">${scoreText(item, value)}</strong>
        ${inspection.notes[item.id] ? html`<p class="note">${inspection.notes[item.id]}</p>` : null}
        ${photos.map((photo) => html`<a href=${photo.url} target="_blank" rel="noopener">${t('view.photo')}</a> `)}
      </li>`;
    })}</ol>
  </section>`);
}

function Assign({ inspection, reload }) {
  const [inspectors, setInspectors] = useState([]);
  const [date, setDate] = useState(inspection.scheduled_on);
  const [done, setDone] = useState(false);
  const { run, error } = useAction(async () => {
    setDone(false);
    const body = { scheduled_on: date };
    if (inspectors.length) body.inspectors = inspectors;
    await api.patch(`/api/v1/inspections/${inspection.id}`, body);
    setDone(true);
    reload();
  });
  return html`<form class="card" onSubmit=${submitting(run)} novalidate>
    <h3>${t('assign.title')}</h3>
    <${TextField} label=${t('open.date')} name="scheduled_on" type="date" value=${date} onInput=${setDate}
      error=${error?.fields?.scheduled_on} />
    <${InspectorPicker} county=${inspection.entry?.county} selected=${inspectors} onChange=${setInspectors} />
    <${ErrorMessage} error=${error} fieldsShown=${['scheduled_on']} />
    <${Done} text=${done ? t('assign.done') : ''} />
    <button type="submit">${t('assign.submit')}</button>
  </form>`;
}

function Decide({ inspection, reload }) {
  const [reason, setReason] = useState('');
  const [findings, setFindings] = useState('');
  const [deadline, setDeadline] = useState(today(30));
  const supervision = inspection.kind !== 'initial';
  const { run: decide, error } = useAction(async (decision) => {
    const body = { decision };
    if (reason) body.reason = reason;
    if (decision === 'confirm' && supervision && findings) {
      body.findings = findings;
      body.deadline = deadline;
    }
    await api.post(`/api/v1/inspections/${inspection.id}/decision`, body);
    reload();
  });
  const grade = inspection.grade ? gradeTitle(inspection.standard.id, inspection.grade) : t('grade.none');
  const consequence = inspection.kind === 'initial'
    ? (inspection.grade ? t('decide.consequenceNotice', { grade }) : t('decide.consequenceNoGrade'))
    : t('decide.consequenceSupervision', { grade });
  return html`<section class="card" aria-labelledby="decide-heading">
    <h2 id="decide-heading">${t('decide.title')}</h2>
    <${TextArea} label=${t('decide.reason')} name="reason" value=${reason} onInput=${setReason}
      hint=${t('decide.reasonHint')} error=${error?.fields?.reason} />
    ${supervision ? html`
      <${TextArea} label=${t('rectify.findings')} name="findings" value=${findings} onInput=${setFindings}
        hint=${t('decide.findingsHint')} error=${error?.fields?.findings} />
      <${TextField} label=${t('rectify.deadline')} name="deadline" type="date" value=${deadline}
        onInput=${setDeadline} error=${error?.fields?.deadline} />` : null}
    <${ErrorMessage} error=${error} fieldsShown=${['reason', 'findings', 'deadline']} />
    <div class="actions">
      <${ConfirmButton} label=${t('decide.confirm')} consequence=${consequence} onConfirm=${() => decide('confirm')} />
      <${ConfirmButton} label=${t('decide.refuse')} danger=${true}
        consequence=${t('decide.consequenceRefuse')} onConfirm=${() => decide('refuse')} />
    </div>
  </section>`;
}

export function InspectionView({ user, inspection, evidence, standard, reload }) {
  const office = user.role === 'city_admin' || user.role === 'county_admin';
  const evaluation = inspection.evaluation;
  return html`<article class="inspection">
    <header>
      <h1>${local(inspection.entry?.name)}</h1>
      <p class="meta">
        ${inspection.entry ? html`<a href=${`#/entries/${inspection.entry.id}`}>${t('view.entry')}</a> · ` : null}
        ${t(`kind.${inspection.kind}`)} · ${local(standard.title)} v${standard.version} ·
        ${t(`inspectionStatus.${inspection.status}`)} · ${formatDate(inspection.scheduled_on)}
      </p>
      ${inspection.submitted_at ? html`<p class="meta">${t('view.submitted', {
        by: inspection.submitted_by, at: formatTime(inspection.submitted_at) })}</p>` : null}
      ${inspection.decided_at ? html`<p class="meta">${t('view.decided', {
        by: inspection.decided_by, at: formatTime(inspection.decided_at),
        reason: inspection.decision_reason ?? '' })}</p>` : null}
    </header>
    ${evaluation ? html`<section class="preview"><h2>${t('preview.result')}</h2>
      <${Evaluation} evaluation=${evaluation} /></section>` : null}
    ${office && inspection.status === 'submitted' ? html`<${Decide} inspection=${inspection} reload=${reload} />` : null}
    ${office && inspection.status === 'scheduled' ? html`
      <${Assign} inspection=${inspection} reload=${reload} />
      <div class="card">
        <${ConfirmButton} label=${t('decide.cancel')} danger=${true}
          consequence=${t('decide.consequenceCancel')}
          onConfirm=${() => api.post(`/api/v1/inspections/${inspection.id}/decision`,
            { decision: 'cancel', reason: t('decide.cancelReason') }).then(reload)} />
      </div>` : null}
    ${inspection.status !== 'scheduled' ? html`<h2>${t('view.scores')}</h2>
      <${Scores} inspection=${inspection} evidence=${evidence} standard=${standard} />` : null}
  </article>`;
}
