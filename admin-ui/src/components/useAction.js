// Running what a form or button does: run(...) calls the action, keeps its ApiError (shown
// beside the fields it names) and says when it is busy. run resolves to whether it succeeded.
import { useState } from '../html.js';

export function useAction(action) {
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const run = async (...args) => {
    setBusy(true);
    setError(null);
    try {
      await action(...args);
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { run, error, busy };
}

/** An onSubmit handler that stops the browser's own submission and runs run(). */
export const submitting = (run) => (event) => {
  event.preventDefault();
  run();
};
