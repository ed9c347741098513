// The demo's ten thousand people: a ChoiceSource for the time card's employee, too many for the page.
// The three employees the other demos name come first (ada, alan, grace); the rest are made up, the same
// on every start. A query matches people whose every typed word begins one of their name's words.
import type { ChoiceSource } from '../server/index.js';

const FIRST = ['Amara', 'Bruno', 'Chen', 'Dara', 'Elif', 'Farid', 'Greta', 'Hiro', 'Ines', 'Jonas', 'Kofi', 'Lena', 'Mateo', 'Nadia', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tala', 'Umar', 'Vera', 'Wen', 'Ximena', 'Yusuf', 'Zofia', 'Anil', 'Beatriz', 'Carlos', 'Dmitri', 'Emeka', 'Fatima', 'Goran', 'Hana', 'Ivan', 'Julia', 'Kenji', 'Leila', 'Marek', 'Noor'];
const LAST = ['Abbott', 'Bauer', 'Castro', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Haddad', 'Ivanova', 'Jensen', 'Kowalski', 'Larsen', 'Moreau', 'Nakamura', 'Okafor', 'Petrov', 'Quint', 'Rossi', 'Silva', 'Tanaka', 'Ueda', 'Varga', 'Weber', 'Xu', 'Yilmaz', 'Zhou', 'Almeida', 'Brandt', 'Costa', 'Duarte', 'Eze', 'Ferreira', 'Gruber', 'Horvat', 'Ito', 'Janssen', 'Kim', 'Lindqvist', 'Mensah', 'Novak', 'Olsen', 'Park', 'Quispe', 'Reyes', 'Schmidt', 'Toure', 'Urban', 'Vogel', 'Wong', 'Young', 'Zimmer', 'Arslan', 'Bianchi', 'Cohen', 'Diaz', 'Egan', 'Fontaine', 'Gupta', 'Hansen', 'Iqbal', 'Jovanovic', 'Keller'];

export interface Person {
  value: string;
  label: string;
}

/** How many people the source holds. */
export const PEOPLE_COUNT = 10_000;

/** The people, in order: the three named employees, then made-up ones (first name x last name x a number). */
export const PEOPLE: readonly Person[] = (() => {
  const people: Person[] = [
    { value: 'ada', label: 'Ada Lovelace' },
    { value: 'alan', label: 'Alan Turing' },
    { value: 'grace', label: 'Grace Hopper' },
  ];
  for (let i = 0; people.length < PEOPLE_COUNT; i++) {
    const first = FIRST[i % FIRST.length] as string;
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length] as string;
    const round = Math.floor(i / (FIRST.length * LAST.length));
    people.push({ value: `p${String(i + 1).padStart(5, '0')}`, label: round ? `${first} ${last} ${round + 1}` : `${first} ${last}` });
  }
  return people;
})();

const words = PEOPLE.map((p) => p.label.toLowerCase().split(' '));
const byValue = new Map(PEOPLE.map((p) => [p.value, p]));

/** The people whose name's words begin with each typed word, in order. */
function matching(query: string): Person[] {
  const typed = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!typed.length) return [...PEOPLE];
  return PEOPLE.filter((_, i) => typed.every((t) => (words[i] as string[]).some((w) => w.startsWith(t))));
}

/** The source: search a page of matches, get one by its value. */
export const people: ChoiceSource = {
  search: async (query, { offset, limit }) => {
    const found = matching(query);
    return { items: found.slice(offset, offset + limit), total: found.length };
  },
  get: async (value) => byValue.get(value) ?? null,
};
