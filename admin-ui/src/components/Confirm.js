// A consequential action asks once more and says what will happen ("the plaque will show
// REMOVED from 2026-12-01") before it is done.
import { html, useState } from '../html.js';
import { t } from '../i18n.js';
import { ErrorMessage } from './Feedback.js';
import { useAction } from './useAction.js';

/**
 * A button that opens a confirmation restating `consequence`; onConfirm() runs on the second
 * step and may throw an ApiError, shown in place. disabled keeps the first button inactive.
 */
export function ConfirmButton({ label, consequence, onConfirm, danger = false, disabled = false }) {
  const [asking, setAsking] = useState(false);
  const { run, error, busy } = useAction(onConfirm);
  const confirm = async () => {
    if (await run()) setAsking(false);
  };
  if (!asking)
    return html`<button type="button" class=${danger ? 'danger' : 'primary'} disabled=${disabled}
      onClick=${() => setAsking(true)}>${label}</button>`;
  return html`<div class="confirm" role="alertdialog" aria-label=${label}>
    <p class="consequence">${consequence}</p>
    <${ErrorMessage} error=${error} />
    <div class="actions">
      <button type="button" class=${danger ? 'danger' : 'primary'} disabled=${busy}
        onClick=${confirm}>${t('confirm.yes', { action: label })}</button>
      <button type="button" onClick=${() => setAsking(false)}>${t('confirm.back')}</button>
    </div>
  </div>`;
}
