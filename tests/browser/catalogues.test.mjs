// The admin UI's message catalogues: both languages say the same things, and every message the
// code asks for by a literal key exists (dynamic families are checked by the screens' tests).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import zh from '../../admin-ui/i18n/zh-CN.js';
import en from '../../admin-ui/i18n/en.js';

const sources = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((item) =>
  item.isDirectory() ? sources(path.join(dir, item.name)) : [path.join(dir, item.name)]);

test('zh-CN and en have the same keys and the same placeholders', () => {
  assert.deepEqual(Object.keys(en).sort(), Object.keys(zh).sort());
  const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const key of Object.keys(zh)) assert.deepEqual(placeholders(en[key]), placeholders(zh[key]), key);
});

test('every literal key the code uses is in the catalogues', () => {
  const used = new Set();
  for (const file of sources('admin-ui/src'))
    for (const match of readFileSync(file, 'utf8').matchAll(/\bt(?:Or)?\('([\w.]+)'/g)) used.add(match[1]);
  assert.ok(used.size > 200);
  assert.deepEqual([...used].filter((key) => !(key in zh)), []);
});
