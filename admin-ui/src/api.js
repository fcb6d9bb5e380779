// Every call to the server goes through here: JSON in and out, the session cookie, the CSRF
// header the server requires on writes, the interface language, and one error shape.
import { apiLang } from './i18n.js';

let csrfToken = '';
const expiredListeners = new Set();

/** A failed call: status 0 when the network is unreachable; fields maps field → problem. */
export class ApiError extends Error {
  constructor(status, body) {
    super(body?.error?.message ?? (status === 0 ? 'offline' : `HTTP ${status}`));
    this.status = status;
    this.code = body?.error?.code ?? (status === 0 ? 'offline' : 'error');
    this.detail = body?.error?.detail ?? '';
    this.fields = Object.fromEntries((body?.error?.fields ?? []).map((f) => [f.field, f.message]));
  }

  get offline() {
    return this.status === 0;
  }
}

function withQuery(path, query) {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') params.set(key, value);
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function call(method, path, body, contentType) {
  if (method !== 'GET' && !csrfToken && !path.endsWith('/login')) await refreshSession();
  const headers = { Accept: 'application/json', 'Accept-Language': apiLang() };
  let payload;
  if (body instanceof Blob) {
    payload = body;
    headers['Content-Type'] = contentType ?? body.type;
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken;
  // Known to be offline: fail at once rather than make a request the browser reports as an error.
  if (navigator.onLine === false) throw new ApiError(0, null);
  let response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, null);
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (response.status === 401 && !path.endsWith('/login')) expiredListeners.forEach((f) => f());
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

async function refreshSession() {
  const session = await call('GET', '/api/v1/session');
  csrfToken = session.csrf_token;
  return session.user;
}

export const api = {
  get: (path, query) => call('GET', withQuery(path, query)),
  post: (path, body = {}) => call('POST', path, body),
  put: (path, body) => call('PUT', path, body),
  patch: (path, body) => call('PATCH', path, body),
  /** Sends raw bytes (a photo) by POST. */
  upload: (path, blob, query) => call('POST', withQuery(path, query), blob),
  session: refreshSession,
  async login(username, password) {
    const reply = await call('POST', '/api/v1/login', { username, password });
    csrfToken = reply.csrf_token;
    return reply.user;
  },
  async logout() {
    try {
      await call('POST', '/api/v1/logout', {});
    } finally {
      csrfToken = '';
    }
  },
  /** listener() runs when the server says the session is over (expired or signed out). */
  onExpired(listener) {
    expiredListeners.add(listener);
    return () => expiredListeners.delete(listener);
  },
  withQuery,
};
