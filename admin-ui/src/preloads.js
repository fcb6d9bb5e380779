// Replaced by scripts/admin-ui-modules.mjs when the UI is built: for each screen loaded on
// demand, the modules it needs beyond the app shell, so that they are fetched at once.
export default {};
