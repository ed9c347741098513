// The demo's saved time cards (it has no database): each by the id in its URL (/timecard/<id>), with a
// version that counts its saves. Two tabs, or two people, editing one card can conflict.
import type { Request } from 'express';
import type { SavedRecords } from './mount-form.js';
import { NEW_TIMECARD } from './forms.js';

/** The most cards kept: the oldest go first (a Map keeps insertion order). */
const MAX_CARDS = 1000;
const cards = new Map<string, { record: Record<string, unknown>; version: number }>();
const idOf = (req: Request) => String(req.params['card'] ?? '').slice(0, 40);

export const savedCards: SavedRecords = {
  load: (req) => cards.get(idOf(req)) ?? { record: NEW_TIMECARD, version: 0 },
  save(req, data) {
    const id = idOf(req);
    const version = (cards.get(id)?.version ?? 0) + 1;
    cards.delete(id);
    cards.set(id, { record: data, version });
    if (cards.size > MAX_CARDS) cards.delete(cards.keys().next().value as string);
  },
};
