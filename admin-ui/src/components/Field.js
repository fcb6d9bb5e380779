// Labelled form controls; a field's problem (from the API's 400 `fields`) shows beside it.
import { html } from '../html.js';

let counter = 0;
const nextId = (name) => `f-${name}-${++counter}`;

function Problem({ id, error }) {
  return error ? html`<p class="field-error" id=${id} role="alert">${error}</p>` : null;
}

export function TextField({ label, name, value, onInput, error, type = 'text', hint, ...rest }) {
  const id = rest.id ?? nextId(name);
  const errorId = `${id}-error`;
  return html`<div class=${`field${error ? ' invalid' : ''}`}>
    <label for=${id}>${label}</label>
    ${hint ? html`<p class="hint">${hint}</p>` : null}
    <input id=${id} name=${name} type=${type} value=${value ?? ''}
      aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? errorId : undefined}
      onInput=${(event) => onInput(event.currentTarget.value)} ...${rest} />
    <${Problem} id=${errorId} error=${error} />
  </div>`;
}

export function TextArea({ label, name, value, onInput, error, hint, ...rest }) {
  const id = rest.id ?? nextId(name);
  const errorId = `${id}-error`;
  return html`<div class=${`field${error ? ' invalid' : ''}`}>
    <label for=${id}>${label}</label>
    ${hint ? html`<p class="hint">${hint}</p>` : null}
    <textarea id=${id} name=${name} rows="3" aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${error ? errorId : undefined}
      onInput=${(event) => onInput(event.currentTarget.value)} ...${rest}>${value ?? ''}</textarea>
    <${Problem} id=${errorId} error=${error} />
  </div>`;
}

/** options: [[value, label], ...] */
export function SelectField({ label, name, value, onChange, options, error, ...rest }) {
  const id = rest.id ?? nextId(name);
  const errorId = `${id}-error`;
  return html`<div class=${`field${error ? ' invalid' : ''}`}>
    <label for=${id}>${label}</label>
    <select id=${id} name=${name} value=${value} aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${error ? errorId : undefined}
      onChange=${(event) => onChange(event.currentTarget.value)} ...${rest}>
      ${options.map(([optionValue, optionLabel]) =>
        html`<option value=${optionValue}>${optionLabel}</option>`)}
    </select>
    <${Problem} id=${errorId} error=${error} />
  </div>`;
}

export function CheckField({ label, name, checked, onChange }) {
  const id = nextId(name);
  return html`<div class="field check">
    <input id=${id} name=${name} type="checkbox" checked=${checked}
      onChange=${(event) => onChange(event.currentTarget.checked)} />
    <label for=${id}>${label}</label>
  </div>`;
}
