// Where an entry stands, in words: its state, certificate and valid-until date, an open
// rectification with its deadline, and the next thing its owner can do.
import { html } from '../html.js';
import { t, formatDate } from '../i18n.js';
import { gradeTitle } from '../standards/grades.js';

export function StateBadge({ state }) {
  return html`<span class=${`state state-${state}`}>${t(`state.${state}`)}</span>`;
}

/** The next action an owner can take, in words. */
export function nextAction(entry) {
  if (entry.rectification)
    return t('next.rectify', { date: formatDate(entry.rectification.deadline) });
  if (entry.appealable?.length)
    return t('next.appeal', { date: formatDate(entry.appealable[0].appeal_until) });
  switch (entry.state) {
    case 'certified': return t('next.plaque');
    case 'on_notice': return t('next.notice', { date: formatDate(entry.notice?.ends_on) });
    case 'applied': return t('next.inspection', { date: formatDate(entry.open_inspection?.scheduled_on) });
    case 'suspended': return t('next.suspended');
    default:
      return entry.barred_until ? t('next.barred', { date: formatDate(entry.barred_until) })
                                : t('next.apply');
  }
}

export function EntryStateLine({ entry }) {
  const certificate = entry.certificate;
  const current = entry.state === 'certified' || entry.state === 'suspended';
  return html`<span class="state-line">
    <${StateBadge} state=${entry.state} />
    ${certificate && current ? html`<span>${gradeTitle(certificate.standard.id, certificate.grade)}
      · ${t('entry.validUntil', { date: formatDate(certificate.valid_until) })}</span>` : null}
    ${entry.rectification ? html`<span class="deadline">${t('entry.rectifyBy',
      { date: formatDate(entry.rectification.deadline) })}</span>` : null}
    <span class="next">${nextAction(entry)}</span>
  </span>`;
}
