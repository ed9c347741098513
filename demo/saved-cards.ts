// The demo's saved time cards (it has no database): each by the id in its URL (/timecard/<id>), with a
// version that counts its saves. Two tabs, or two people, editing one card can conflict. Each save that
// changes something is kept in the card's history as the card before and after, so that the history
// reads in each reader's language ("manager changed Hours from 7.5 to 8, 10:02").
import type { Request } from 'express';
import type { FieldChange, FormState } from '../server/index.js';
import type { SavedRecords } from './mount-form.js';
import { NEW_TIMECARD, timecard } from './forms.js';

/** The most cards kept: the oldest go first (a Map keeps insertion order). The most saves a history keeps. */
const MAX_CARDS = 1000;
const MAX_HISTORY = 20;

type CardState = Partial<Pick<FormState, 'values' | 'rows'>>;
interface Save {
  who: string;
  at: Date;
  before: CardState;
  after: CardState;
}
interface Card {
  record: Record<string, unknown>;
  version: number;
  history: Save[];
}
const cards = new Map<string, Card>();
const idOf = (req: Request) => String(req.params['card'] ?? '').slice(0, 40);

/** The demo's words for a history line, per locale: `{who}` the role, `{field}`, `{before}`, `{after}`, `{time}`. */
const LINES: Record<string, { changed: string; changedSecret: string; title: string; roles: Record<string, string> }> = {
  'en-us': { changed: '{who} changed {field} from {before} to {after}, {time}', changedSecret: '{who} changed {field}, {time}', title: 'History', roles: { manager: 'A manager', employee: 'An employee' } },
  de: { changed: '{who} hat {field} von {before} auf {after} geändert, {time}', changedSecret: '{who} hat {field} geändert, {time}', title: 'Verlauf', roles: { manager: 'Eine Führungskraft', employee: 'Eine Mitarbeiterin' } },
  ar: { changed: 'غيّر {who} {field} من {before} إلى {after}، {time}', changedSecret: 'غيّر {who} {field}، {time}', title: 'السجل', roles: { manager: 'مدير', employee: 'موظفة' } },
};

const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

/** One change as a line of the history, in the reader's words. */
function line(change: FieldChange, save: Save, locale: string): string {
  const words = LINES[locale] ?? (LINES['en-us'] as (typeof LINES)[string]);
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(save.at);
  const values = { who: words.roles[save.who] ?? save.who, field: change.label, before: change.before ?? '', after: change.after ?? '', time };
  return fill(change.sensitive ? words.changedSecret : words.changed, values);
}

export const savedCards: SavedRecords = {
  load: (req) => cards.get(idOf(req)) ?? { record: NEW_TIMECARD, version: 0 },
  save(req, data, changes) {
    const id = idOf(req);
    const was = cards.get(id);
    const history = was?.history ?? [];
    // A save that changed nothing is not history.
    if (was && changes.length) history.unshift({ who: req.dojo.roles?.[0] ?? '', at: new Date(), before: timecard.initial(was.record), after: timecard.initial(data) });
    cards.delete(id);
    cards.set(id, { record: data, version: (was?.version ?? 0) + 1, history: history.slice(0, MAX_HISTORY) });
    if (cards.size > MAX_CARDS) cards.delete(cards.keys().next().value as string);
  },
  async history(req) {
    const locale = req.dojo.locale;
    const saves = cards.get(idOf(req))?.history ?? [];
    // Read as this reader may: their roles' fields, in their language, a chosen employee by name.
    const read = { locale, request: req, ...(req.dojo.roles ? { roles: req.dojo.roles } : {}) };
    const lines = (await Promise.all(saves.map(async (save) => (await timecard.changes(save.before, save.after, read)).map((c) => line(c, save, locale))))).flat();
    return { title: (LINES[locale] ?? LINES['en-us'])?.title ?? 'History', lines };
  },
};
