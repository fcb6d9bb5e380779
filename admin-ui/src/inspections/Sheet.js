// The inspection sheet, phone first: generated from the standard version the inspection uses.
// Every change is kept on the device first and sent when the network allows; the running total
// of each section is counted here, the grade preview comes from the server's dry run.
import { html, useState, useEffect, useRef } from '../html.js';
import { api } from '../api.js';
import { t, local, formatDate } from '../i18n.js';
import { recordChange, pendingCount, flush, queuePhoto, onPendingChange, sheetSnapshot }
  from '../offline.js';
import { ErrorMessage } from '../components/Feedback.js';
import { sectionTotal, unscored, previewSheet, pointChoices, overlay, itemMax, penaltyScale }
  from './sheetMath.js';
import { downscale } from './photos.js';
import { Preview } from './Preview.js';
import { gradeTitle } from '../standards/grades.js';

function ItemMarks({ item, standard }) {
  const marks = [];
  if (item.mandatory_for?.length)
    marks.push(html`<span class="mark mandatory">${t('sheet.mandatory', {
      grades: item.mandatory_for.map((g) => gradeTitle(standard.id, g)).join('、') })}</span>`);
  if (item.critical) marks.push(html`<span class="mark critical">${t('sheet.critical')}</span>`);
  return marks;
}

function ScoreControl({ item, value, onChange }) {
  const name = `score-${item.id}`;
  if (item.kind === 'points') {
    const options = [['', t('sheet.notScored')], ...pointChoices(item).map((v) => [String(v), t('sheet.points', { n: v })])];
    if (item.na_allowed) options.push(['n/a', t('sheet.na')]);
    return html`<label class="score">
      <span class="visually-hidden">${t('sheet.scoreOf', { item: local(item.title) })}</span>
      <select name=${name} data-item=${item.id} value=${value === undefined ? '' : String(value)}
        onChange=${(event) => {
          const raw = event.currentTarget.value;
          onChange(raw === '' ? null : raw === 'n/a' ? 'n/a' : Number(raw));
        }}>
        ${options.map(([v, label]) => html`<option value=${v}>${label}</option>`)}
      </select>
      <span class="of">/ ${itemMax(item)}</span>
    </label>`;
  }
  const choices = ['pass', 'fail', ...(item.na_allowed ? ['n/a'] : [])];
  return html`<fieldset class="passfail" data-item=${item.id}>
    <legend class="visually-hidden">${t('sheet.scoreOf', { item: local(item.title) })}</legend>
    ${choices.map((choice) => html`<label class=${`choice choice-${choice.replace('/', '')}`}>
      <input type="radio" name=${name} value=${choice} checked=${value === choice}
        onChange=${() => onChange(choice)} />
      ${t(`sheet.${choice === 'n/a' ? 'na' : choice}`)}
    </label>`)}
  </fieldset>`;
}

function Item({ item, standard, value, note, photos, onScore, onNote, onPhoto }) {
  const [noteOpen, setNoteOpen] = useState(Boolean(note));
  return html`<li class=${`item${value === undefined ? ' open' : ''}`} id=${`item-${item.id}`}>
    <div class="item-head">
      <p class="item-title">${local(item.title)}</p>
      <${ItemMarks} item=${item} standard=${standard} />
      ${item.guidance ? html`<p class="guidance">${local(item.guidance)}</p>` : null}
    </div>
    <${ScoreControl} item=${item} value=${value} onChange=${onScore} />
    <div class="item-tools">
      <button type="button" class="link" aria-expanded=${noteOpen ? 'true' : 'false'}
        onClick=${() => setNoteOpen(!noteOpen)}>${note ? t('sheet.noteEdit') : t('sheet.noteAdd')}</button>
      <label class="photo-button">
        ${t('sheet.photo')}${photos > 0 ? ` (${photos})` : ''}
        <input type="file" accept="image/*" capture="environment" class="visually-hidden"
          data-photo=${item.id} onChange=${(event) => {
            const file = event.currentTarget.files[0];
            event.currentTarget.value = '';
            if (file) onPhoto(file);
          }} />
      </label>
    </div>
    ${noteOpen ? html`<label class="note">
      <span class="visually-hidden">${t('sheet.noteOf', { item: local(item.title) })}</span>
      <textarea rows="2" data-note=${item.id} value=${note ?? ''}
        onChange=${(event) => onNote(event.currentTarget.value)}></textarea>
    </label>` : null}
  </li>`;
}

export function Sheet({ inspection: initial, standard, evidence: initialEvidence, offlineCopy, onSubmitted }) {
  const [server, setServer] = useState(initial);
  const [pending, setPending] = useState({ scores: {}, notes: {} });
  const [photos, setPhotos] = useState([]);
  const [evidence, setEvidence] = useState(initialEvidence ?? []);
  const [waiting, setWaiting] = useState(0);
  const [online, setOnline] = useState(navigator.onLine);
  const [error, setError] = useState(null);
  const [submitting, setSubmitting] = useState(false);
  const sendTimer = useRef(null);
  const snapshots = useRef(0);
  const id = initial.id;

  // Whoever sent the changes (this sheet or the app's periodic sender) left the server's copy on
  // the device; the queue and that copy are read together so that nothing shows twice or not at all.
  const refresh = async () => {
    const ticket = ++snapshots.current;
    const { pending: queued, photos: queuedPhotos, copy } = await sheetSnapshot(id);
    if (ticket !== snapshots.current) return; // a later picture is on its way
    setPending(queued);
    setPhotos(queuedPhotos);
    if (copy.inspection) setServer((old) => ({ ...old, ...copy.inspection }));
    if (copy.evidence) setEvidence(copy.evidence);
  };
  const send = async () => {
    try {
      await flush(api, id);
      setError(null);
    } catch (failure) {
      if (!failure.offline) setError(failure);
    }
    await refresh();
  };
  const sendSoon = () => {
    clearTimeout(sendTimer.current);
    sendTimer.current = setTimeout(send, 300);
  };

  useEffect(() => {
    refresh().then(send);
    const unsubscribe = onPendingChange(async () => {
      setWaiting(await pendingCount(id));
      await refresh();
    });
    const connectivity = () => {
      setOnline(navigator.onLine);
      if (navigator.onLine) send();
    };
    addEventListener('online', connectivity);
    addEventListener('offline', connectivity);
    return () => {
      unsubscribe();
      removeEventListener('online', connectivity);
      removeEventListener('offline', connectivity);
      clearTimeout(sendTimer.current);
    };
  }, [id]);

  const scores = overlay(server.scores, pending.scores);
  const notes = overlay(server.notes, pending.notes);
  const change = async (kind, itemId, value) => {
    setPending((old) => ({ ...old, [kind]: { ...old[kind], [itemId]: value } }));
    await recordChange(id, kind, itemId, value);
    sendSoon();
  };
  const addPhoto = async (itemId, file) => {
    try {
      await queuePhoto(id, itemId, await downscale(file));
      await refresh();
      sendSoon();
    } catch (failure) {
      setError(failure);
    }
  };
  const submit = async () => {
    setSubmitting(true);
    setError(null);
    try {
      const reply = await api.post(`/api/v1/inspections/${id}/submit`);
      onSubmitted(reply.inspection);
    } catch (failure) {
      setError(failure);
    } finally {
      setSubmitting(false);
    }
  };

  const missing = unscored(standard, scores);
  const photoCount = (itemId) => evidence.filter((e) => e.item === itemId).length +
    photos.filter((p) => p.itemId === itemId).length;
  const mayNotSubmit = missing.length > 0 ? t('sheet.stillUnscored', { n: missing.length })
    : waiting > 0 ? t('sheet.waitForSync', { n: waiting })
    : !online ? t('sheet.submitOnline') : '';

  return html`<article class="sheet">
    <header>
      <h1>${local(initial.entry?.name) || t('sheet.title')}</h1>
      <p class="meta">${t(`kind.${initial.kind}`)} · ${local(standard.title)} v${standard.version}
        · ${formatDate(initial.scheduled_on)}</p>
      ${offlineCopy ? html`<p class="message" role="status">${t('sheet.offlineCopy')}</p>` : null}
      <p class="sync" role="status" aria-live="polite">
        ${waiting > 0 ? t('offline.pending', { n: waiting }) : t('sheet.allSent')}
      </p>
      <p class="progress">${t('sheet.progress', { done: standard.sections.reduce((n, s) => n + s.items.length, 0) - missing.length,
        all: standard.sections.reduce((n, s) => n + s.items.length, 0) })}</p>
    </header>
    <${Preview} standard=${standard} sheet=${previewSheet(standard, scores)} complete=${missing.length === 0}
      online=${online} />
    <${ErrorMessage} error=${error} />
    ${standard.sections.map((section) => {
      const total = sectionTotal(section, scores, standard);
      return html`<details class="section" open>
        <summary>
          <span class="section-title">${local(section.title)}</span>
          <span class="section-total" data-section=${section.id}>${total.max > 0
            ? (penaltyScale(standard) ? t('sheet.sectionPenalty', { score: total.score })
              : t('sheet.sectionPoints', { score: total.score, max: total.max }))
            : t('sheet.sectionChecks', { passed: total.passed, failed: total.failed })}
            · ${t('sheet.sectionScored', { done: total.scored, all: total.count })}</span>
        </summary>
        <ol class="items">
          ${section.items.map((item) => html`<${Item} key=${item.id} item=${item} standard=${standard}
            value=${scores[item.id]} note=${notes[item.id]} photos=${photoCount(item.id)}
            onScore=${(value) => change('scores', item.id, value)}
            onNote=${(value) => change('notes', item.id, value === '' ? null : value)}
            onPhoto=${(file) => addPhoto(item.id, file)} />`)}
        </ol>
      </details>`;
    })}
    <footer class="submit">
      ${mayNotSubmit ? html`<p class="hint">${mayNotSubmit}</p>` : null}
      <button type="button" class="primary" disabled=${Boolean(mayNotSubmit) || submitting}
        onClick=${submit}>${t('sheet.submit')}</button>
    </footer>
  </article>`;
}
