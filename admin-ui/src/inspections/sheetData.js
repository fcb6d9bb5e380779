// An inspection, its evidence and its standard: from the server in one request, else the copy
// kept on this device. Part of the app shell, so that opening #/inspections/7 starts this request
// at once, while the sheet's own modules are still on their way.
import { api } from '../api.js';
import { recall, remember } from '../offline.js';

const started = new Map();
const prefetched = new Set();

async function fetchSheet(id) {
  try {
    const { inspection, evidence, standard } =
      await api.get(`/api/v1/inspections/${id}`, { include: 'standard' });
    await remember(`standard:${standard.id}:${standard.version}`, standard);
    await remember(`inspection:${id}`, { inspection, evidence });
    return { inspection, evidence, standard, offlineCopy: false };
  } catch (error) {
    if (!error.offline) throw error;
    const copy = await recall(`inspection:${id}`);
    if (!copy) throw error;
    const { inspection } = copy;
    const standard = await recall(`standard:${inspection.standard.id}:${inspection.standard.version}`);
    if (!standard) throw error;
    return { inspection, evidence: copy.evidence ?? [], standard, offlineCopy: true };
  }
}

/** Starts loading inspection id ahead of its screen; once per inspection and page load. */
export function prefetchSheet(id) {
  if (prefetched.has(id)) return;
  prefetched.add(id);
  started.set(id, fetchSheet(id));
}

/** The data of inspection id: the prefetched request if one is pending, else a new one. */
export function loadSheet(id) {
  const pending = started.get(id);
  started.delete(id);
  return pending ?? fetchSheet(id);
}
