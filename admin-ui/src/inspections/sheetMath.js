// Arithmetic of a score sheet in the browser: running totals per section and the sheet sent to
// the server's dry run. The grade itself is always the server's (the rules engine).

export const items = (standard) => standard.sections.flatMap((section) => section.items);

/** True when the standard counts penalty points (fewer is better). */
export const penaltyScale = (standard) => standard.direction === 'lower_is_better';

/** The item's direction: its own, else its standard's. */
const lowerIsBetter = (item, standard) =>
  (item.direction ?? standard.direction ?? 'higher_is_better') === 'lower_is_better';

/** A points item's maximum: its max, or the largest of its allowed values. */
export const itemMax = (item) => item.max ?? item.values?.[item.values.length - 1];

/** A score that fails the item: "fail", below pass_min (merit) or above pass_max (penalty). */
export function failedScore(item, value) {
  if (value === 'fail') return true;
  if (typeof value !== 'number') return false;
  return (item.pass_min !== undefined && value < item.pass_min)
    || (item.pass_max !== undefined && value > item.pass_max);
}

/**
 * Points (or pass counts) of one section so far: {score, max, scored, count, failed}. Items
 * against the standard's direction (deductions) take points off and add nothing to the maximum.
 */
export function sectionTotal(section, scores, standard) {
  const total = { score: 0, max: 0, scored: 0, count: section.items.length, failed: 0, passed: 0 };
  const penalty = penaltyScale(standard);
  for (const item of section.items) {
    const value = scores[item.id];
    if (value !== undefined && value !== null) total.scored += 1;
    if (item.kind === 'points') {
      if (value === 'n/a') continue;
      const counts = lowerIsBetter(item, standard) === penalty;
      if (counts) total.max += itemMax(item);
      if (typeof value === 'number') total.score += counts ? value : -value;
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

/** The best score an item allows: the maximum, or the lowest allowed for penalty items. */
function bestScore(item, standard) {
  if (item.kind !== 'points') return 'pass';
  return lowerIsBetter(item, standard) ? (item.values?.[0] ?? 0) : itemMax(item);
}

/**
 * The sheet for the dry run: what is scored, and every item not yet scored counted at its best,
 * so the preview shows the best grade the sheet can still reach.
 */
export function previewSheet(standard, scores) {
  const sheet = {};
  for (const item of items(standard)) {
    const value = scores[item.id];
    sheet[item.id] = value !== undefined && value !== null ? value : bestScore(item, standard);
  }
  return sheet;
}

/** The choices of a points item: its allowed values, or 0 to max by its step. */
export function pointChoices(item) {
  if (item.values) return item.values;
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
