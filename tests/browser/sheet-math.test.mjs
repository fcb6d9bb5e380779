// The sheet's own arithmetic (admin-ui/src/inspections/sheetMath.js) on the constructs of the
// rules format: allowed value sets, penalty scales, deductions and pass marks in both directions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pointChoices, previewSheet, sectionTotal, failedScore, itemMax }
  from '../../admin-ui/src/inspections/sheetMath.js';

const management = { id: 'management', kind: 'points', values: [0, 5, 10, 20, 30] };
const fhrs = {
  id: 'fhrs', direction: 'lower_is_better',
  sections: [{ id: 'all', items: [management, { id: 'hygiene', kind: 'points', max: 25, step: 5 }] }],
};

test('an item with allowed values offers exactly those values', () => {
  assert.deepEqual(pointChoices(management), [0, 5, 10, 20, 30]);
  assert.equal(itemMax(management), 30);
  assert.deepEqual(pointChoices({ kind: 'points', max: 2, step: 0.5 }), [0, 0.5, 1, 1.5, 2]);
});

test('the preview counts unscored items at their best: the lowest on a penalty scale', () => {
  assert.deepEqual(previewSheet(fhrs, { hygiene: 10 }), { management: 0, hygiene: 10 });
  const merit = { sections: [{ items: [management, { id: 'check', kind: 'pass_fail' }] }] };
  assert.deepEqual(previewSheet(merit, {}), { management: 30, check: 'pass' });
});

test('a deduction takes points off its section and adds nothing to the maximum', () => {
  const section = { items: [
    { id: 'rooms', kind: 'points', max: 20 },
    { id: 'noise', kind: 'points', direction: 'lower_is_better', values: [0, 2, 4] },
  ] };
  const total = sectionTotal(section, { rooms: 15, noise: 4 }, { sections: [section] });
  assert.equal(total.score, 11);
  assert.equal(total.max, 20);
  assert.equal(sectionTotal(fhrs.sections[0], { management: 20, hygiene: 5 }, fhrs).score, 25);
});

test('failing is below pass_min for merit items and above pass_max for penalty items', () => {
  assert.equal(failedScore({ pass_min: 4 }, 3), true);
  assert.equal(failedScore({ pass_min: 4 }, 4), false);
  assert.equal(failedScore({ pass_max: 0 }, 7), true);
  assert.equal(failedScore({ pass_max: 0 }, 0), false);
  assert.equal(failedScore({}, 'fail'), true);
  assert.equal(failedScore({}, 'n/a'), false);
});
