// Grade titles (甲级, 优秀, ...) from the standards, loaded once and kept for the session.
import { api } from '../api.js';
import { local } from '../i18n.js';
import { recall, remember } from '../offline.js';

const titles = {};

/** Loads every standard's grade titles; resolves when known (also offline, from the cache). */
export async function loadGrades() {
  let list;
  try {
    list = (await api.get('/api/v1/standards')).standards;
    await remember('standards', list);
  } catch {
    list = (await recall('standards')) ?? [];
  }
  for (const standard of list)
    for (const grade of standard.grades ?? []) titles[`${standard.id}:${grade.id}`] = grade.title;
}

export function gradeTitle(standardId, gradeId) {
  const title = titles[`${standardId}:${gradeId}`];
  return title ? local(title) : gradeId ?? '';
}
