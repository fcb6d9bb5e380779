// What an inspector enters is kept on this device first (IndexedDB through idb-keyval) and sent
// when the network allows, so a reload, a crashed tab or a dropped connection loses nothing.
// Keys: `pending:<inspection>` → {scores, notes} not yet on the server; `photos:<inspection>` →
// photos not yet uploaded; `cache:<name>` → the last copy read from the server (the sheet and
// its standard), for opening a sheet with no signal.
import { get, set, del, keys, update } from '../vendor/idb-keyval.js';

const listeners = new Set();
const flushing = new Map();
const empty = () => ({ scores: {}, notes: {} });

async function notify() {
  const count = await pendingCount();
  listeners.forEach((listener) => listener(count));
}

/** listener(count) runs whenever the number of changes not yet sent changes. */
export function onPendingChange(listener) {
  listeners.add(listener);
  pendingCount().then(listener);
  return () => listeners.delete(listener);
}

export const remember = (name, value) => set(`cache:${name}`, value);
export const recall = (name) => get(`cache:${name}`);

/** Keeps one change (kind 'scores' or 'notes'; value null removes it on the server). */
export async function recordChange(inspectionId, kind, itemId, value) {
  await update(`pending:${inspectionId}`, (pending = empty()) => {
    pending[kind][itemId] = value;
    return pending;
  });
  await notify();
}

export async function pendingFor(inspectionId) {
  return (await get(`pending:${inspectionId}`)) ?? empty();
}

export async function queuePhoto(inspectionId, itemId, blob) {
  const id = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  await update(`photos:${inspectionId}`, (photos = []) => [...photos, { id, itemId, blob }]);
  await notify();
}

export async function pendingPhotos(inspectionId) {
  return (await get(`photos:${inspectionId}`)) ?? [];
}

/**
 * What a sheet shows, read as one consistent picture: the changes and photos still queued, and the
 * server's copy. send() writes the server's copy before it drops anything from the queue, so
 * reading the queue first and the copy second never misses a change or a photo that is on its
 * way; a photo seen in both (sent between the two reads) is counted once.
 */
export async function sheetSnapshot(inspectionId) {
  const pending = await pendingFor(inspectionId);
  const queued = await pendingPhotos(inspectionId);
  const copy = (await recall(`inspection:${inspectionId}`)) ?? {};
  const sent = new Set((copy.evidence ?? []).map((e) => e.queued_as).filter(Boolean));
  return { pending, photos: queued.filter((p) => !sent.has(p.id)), copy };
}

/** Changes and photos not yet on the server, for one inspection or all. */
export async function pendingCount(inspectionId) {
  let count = 0;
  for (const key of await keys()) {
    if (typeof key !== 'string') continue;
    const [kind, id] = key.split(':');
    if (inspectionId !== undefined && id !== String(inspectionId)) continue;
    if (kind === 'pending') {
      const pending = await get(key);
      count += Object.keys(pending.scores).length + Object.keys(pending.notes).length;
    } else if (kind === 'photos') {
      count += (await get(key)).length;
    }
  }
  return count;
}

/**
 * Sends what is pending for one inspection: the scores and notes in one PUT, then each photo.
 * Only what was sent is dropped, so a change made meanwhile stays queued. The server's copy
 * (inspection and evidence) is kept in recall(`inspection:<id>`), whichever caller sent what.
 * Returns the inspection as the server now has it, or null when nothing was pending. Throws
 * ApiError.
 */
export function flush(api, inspectionId) {
  // One flush at a time per inspection: the sheet and the app's periodic sender may both try.
  const previous = flushing.get(String(inspectionId)) ?? Promise.resolve();
  const next = previous.catch(() => {}).then(() => send(api, inspectionId));
  flushing.set(String(inspectionId), next);
  return next;
}

async function send(api, inspectionId) {
  let inspection = null;
  const pending = await pendingFor(inspectionId);
  if (Object.keys(pending.scores).length + Object.keys(pending.notes).length > 0) {
    const reply = await api.put(`/api/v1/inspections/${inspectionId}/scores`, pending);
    inspection = reply.inspection;
    // The server's copy first, then the queue: see sheetSnapshot.
    await update(`cache:inspection:${inspectionId}`, (copy = {}) => ({
      ...copy, inspection: { ...(copy.inspection ?? {}), ...inspection } }));
    await update(`pending:${inspectionId}`, (now = empty()) => {
      for (const kind of ['scores', 'notes'])
        for (const [item, value] of Object.entries(pending[kind]))
          if (now[kind][item] === value) delete now[kind][item];
      return now;
    });
    const left = await pendingFor(inspectionId);
    if (Object.keys(left.scores).length + Object.keys(left.notes).length === 0)
      await del(`pending:${inspectionId}`);
  }
  for (const photo of await pendingPhotos(inspectionId)) {
    const { evidence } = await api.upload(`/api/v1/inspections/${inspectionId}/evidence`, photo.blob,
      photo.itemId ? { item: photo.itemId } : undefined);
    await update(`cache:inspection:${inspectionId}`, (copy = {}) => ({
      ...copy, evidence: [...(copy.evidence ?? []), { ...evidence, queued_as: photo.id }] }));
    await update(`photos:${inspectionId}`, (photos = []) => photos.filter((p) => p.id !== photo.id));
  }
  if ((await pendingPhotos(inspectionId)).length === 0) await del(`photos:${inspectionId}`);
  await notify();
  return inspection;
}

/** Tries to send everything pending on this device; offline or refused ones stay queued. */
export async function flushAll(api) {
  const ids = new Set();
  for (const key of await keys())
    if (typeof key === 'string' && (key.startsWith('pending:') || key.startsWith('photos:')))
      ids.add(key.split(':')[1]);
  for (const id of ids) {
    try {
      await flush(api, id);
    } catch (error) {
      if (error.offline) return;
    }
  }
}
