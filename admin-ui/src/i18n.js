// The interface language: zh-CN by default, English on request, remembered on this device.
// Every user-facing string comes from one catalogue per language (../i18n/), fetched when the
// language is first used.
const files = { 'zh-CN': '../i18n/zh-CN.js', en: '../i18n/en.js' };
const catalogues = {};
const listeners = new Set();
let current = localStorage.getItem('tisheng.lang') === 'en' ? 'en' : 'zh-CN';
document.documentElement.lang = current;

/** Loads the catalogue of a language (only the one in use is fetched). */
async function loadCatalogue(language) {
  catalogues[language] ??= (await import(files[language])).default;
}

/** Resolves when the current language's messages are here; call before the first render. */
export const ready = () => loadCatalogue(current);

export function lang() {
  return current;
}

/** The API's language parameter for the current language. */
export function apiLang() {
  return current === 'en' ? 'en' : 'zh';
}

export async function setLang(next) {
  const language = next === 'en' ? 'en' : 'zh-CN';
  localStorage.setItem('tisheng.lang', language);
  await loadCatalogue(language);
  current = language;
  document.documentElement.lang = current;
  listeners.forEach((listener) => listener(current));
}

export function onLangChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The message for key with {name} placeholders filled from params. */
export function t(key, params = {}) {
  const text = catalogues[current]?.[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ''));
}

/** The message for key, or fallback when the catalogues have none (free text from the API). */
export function tOr(key, fallback, params = {}) {
  return key in (catalogues[current] ?? {}) ? t(key, params) : fallback;
}

/** A {zh, en} text from the API in the current language (Chinese when there is no English). */
export function local(text) {
  if (!text) return '';
  if (typeof text === 'string') return text;
  return current === 'en' && text.en ? text.en : text.zh ?? '';
}

const zone = 'Asia/Shanghai';

/** A YYYY-MM-DD day as people read it: 2026年12月1日 / 1 Dec 2026. */
export function formatDate(day) {
  if (!day) return '';
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)));
}

/** An ISO time or Unix seconds in the programme's time zone. */
export function formatTime(value) {
  if (value === null || value === undefined || value === '') return '';
  const date = typeof value === 'number' ? new Date(value * 1000) : new Date(value);
  return new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone })
    .format(date);
}

/** Today in the programme's time zone, YYYY-MM-DD. */
export function today(offsetDays = 0) {
  const date = new Date(Date.now() + offsetDays * 86400000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(date);
}
