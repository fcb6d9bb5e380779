// Arithmetic of a score sheet in the browser: running totals per section and the sheet sent to
// the server's dry run. The grade itself is always the server's (the rules engine).

export const items = (standard) => standard.sections.flatMap((section) => section.items);

/** Points (or pass counts) of one section so far: {score, max, scored, count, failed}. */
export function sectionTotal(section, scores) {
  const total = { score: 0, max: 0, scored: 0, count: section.items.length, failed: 0, passed: 0 };
  for (const item of section.items) {
    const value = scores[item.id];
    if (value !== undefined && value !== null) total.scored += 1;
    if (item.kind === 'points') {
      if (value === 'n/a') continue;
      total.max += item.max;
      if (typeof value === 'number') total.score += value;
    } else if (value === 'pass') {
      total.passed += 1;
    } else if (value === 'fail') {
      total.failed += 1;
    }
  }
  return total;
}

export function unscored(standard, scores) {
  return items(standard).filter((item) => scores[item.id] === undefined || scores[item.id] === null);
}

/**
 * The sheet for the dry run: what is scored, and every item not yet scored counted as met in
 * full, so the preview shows the best grade the sheet can still reach.
 */
export function previewSheet(standard, scores) {
  const sheet = {};
  for (const item of items(standard)) {
    const value = scores[item.id];
    if (value !== undefined && value !== null) sheet[item.id] = value;
    else sheet[item.id] = item.kind === 'points' ? item.max : 'pass';
  }
  return sheet;
}

/** The choices of a points item: 0 to max by its step. */
export function pointChoices(item) {
  const step = item.step ?? 1;
  const out = [];
  for (let value = 0; value <= item.max + 1e-9; value += step) out.push(Math.round(value * 100) / 100);
  return out;
}

/** Scores and notes as the sheet shows them: the server's, overlaid by what is pending here. */
export function overlay(server, pending) {
  const out = { ...server };
  for (const [item, value] of Object.entries(pending)) {
    if (value === null) delete out[item];
    else out[item] = value;
  }
  return out;
}
