// Loading what a screen shows: the data, the error, and reload() after a change; pages of a
// list one after another with usePaged.
import { useState, useEffect, useCallback } from '../html.js';
import { api } from '../api.js';

/** load() is an async function; it runs again when a value in deps changes. */
export function useLoad(load, deps) {
  const [state, setState] = useState({ data: undefined, error: null, loading: true });
  const run = useCallback(async () => {
    setState((old) => ({ ...old, loading: true }));
    try {
      setState({ data: await load(), error: null, loading: false });
    } catch (error) {
      setState({ data: undefined, error, loading: false });
    }
  }, deps);
  useEffect(() => {
    run();
  }, [run]);
  return { ...state, reload: run };
}

/** The items of a paged list route (key: the list's property), with loadMore(). */
export function usePaged(path, key, query) {
  const serialized = JSON.stringify(query ?? {});
  const [state, setState] = useState({ items: [], total: 0, cursor: null, error: null, loading: true });
  const fetchPage = useCallback(async (cursor, previous) => {
    setState((old) => ({ ...old, loading: true }));
    try {
      const reply = await api.get(path, { ...(query ?? {}), cursor });
      setState({ items: [...previous, ...reply[key]], total: reply.total, cursor: reply.next_cursor,
                 error: null, loading: false });
    } catch (error) {
      setState((old) => ({ ...old, error, loading: false }));
    }
  }, [path, key, serialized]);
  useEffect(() => {
    fetchPage(undefined, []);
  }, [fetchPage]);
  return {
    ...state,
    loadMore: () => fetchPage(state.cursor, state.items),
    reload: () => fetchPage(undefined, []),
  };
}
