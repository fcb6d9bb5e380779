// Screens are addressed by the URL's hash (#/entries/12?status=certified), so the server serves
// one page and the back button works.
import { useState, useEffect } from './html.js';

function parse(hash) {
  const [path, query = ''] = hash.replace(/^#/, '').split('?');
  const clean = path || '/';
  return {
    path: clean,
    parts: clean.split('/').filter(Boolean),
    query: Object.fromEntries(new URLSearchParams(query)),
  };
}

export function useRoute() {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const changed = () => setHash(location.hash);
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return parse(hash);
}

/** The href of a screen, with query values that are set. */
export function link(path, query) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {}))
    if (value !== undefined && value !== null && value !== '') params.set(key, value);
  const text = params.toString();
  return `#${path}${text ? `?${text}` : ''}`;
}

export function go(path, query) {
  location.hash = link(path, query);
}
