// Text with holes ("slots"), made once from a rendering whose holes held markers, then filled for each
// request: the parts between the holes are concatenated, never rendered again. The renderer stays the
// one place that knows the markup; a template is what it made, cut where a request's values go.

/** A private-use character: no escaping (HTML or JSON) changes it, and no form's own text has it. */
const MARK = '\uE000';

/** The marker of a slot, to render in its place (a value, an error text, a JSON value). */
export const slot = (name: string): string => `${MARK}${name}${MARK}`;

/** Whether text holds the marker character: a rendering with no slots in it that does cannot be cut into a template. */
export const hasMarker = (text: string): boolean => text.includes(MARK);

/**
 * Text that V8 stores at one byte a character when every character fits. A part cut from text that held
 * the marker stays two bytes a character, and so does every page it is put in: such a page took 17 times
 * as long to encode for the socket (bench/profile.ts at 200 fields: a third of a GET's CPU). Latin-1 there
 * and back is exact for such text; text with wider characters is two bytes a character anyway.
 */
export const compactText = (text: string): string => (/[^\x00-\xff]/.test(text) ? text : Buffer.from(text, 'latin1').toString('latin1'));

export class SlotTemplate {
  private constructor(
    /** The static text before, between and after the slots. */
    readonly parts: readonly string[],
    /** The slots' names, in order (a name may come more than once). */
    readonly slots: readonly string[],
  ) {}

  /**
   * Cuts a rendering at its markers. `quoted` cuts JSON at `"marker"`, quotes included, so that a slot
   * takes any JSON value. Null when the text holds the marker character outside a slot.
   */
  static cut(text: string, quoted = false): SlotTemplate | null {
    const q = quoted ? '"' : '';
    const pieces = text.split(new RegExp(`${q}${MARK}([A-Za-z0-9]+)${MARK}${q}`));
    const parts = pieces.filter((_, i) => i % 2 === 0);
    if (parts.some((p) => p.includes(MARK))) return null;
    return new SlotTemplate(parts.map(compactText), pieces.filter((_, i) => i % 2 === 1));
  }

  /** The text with each slot's value put in (values already escaped for where the slot is). */
  fill(values: Readonly<Record<string, string>>): string {
    let out = this.parts[0] ?? '';
    for (let i = 0; i < this.slots.length; i++) out += (values[this.slots[i] as string] ?? '') + this.parts[i + 1];
    return out;
  }
}
