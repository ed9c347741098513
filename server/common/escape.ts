// Escaping for each place a value can land in a page. Every string that reaches HTML goes through one of
// these; nothing else in the package concatenates untrusted text into markup.

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * A value that can travel to the browser as JSON (widget properties, ready call arguments).
 * @public
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Escapes text for HTML element content and for quoted attribute values alike. */
export function escapeHtml(value: unknown): string {
  const text = String(value ?? '');
  // Most labels and values need no escaping: testing first skips the replace (a hot path when rendering).
  return /[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c) : text;
}

/**
 * JSON that is safe inside `<script>` (both JavaScript and `type="application/json"` islands): no `<`, `>`
 * or `&` can end the script element or open a comment, and U+2028/U+2029 cannot end a JS string early.
 */
export function scriptJson(value: unknown): string {
  const json = JSON.stringify(value) ?? 'null';
  if (!/[<>&\u2028\u2029]/.test(json)) return json;
  return json.replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/**
 * JSON made already (script-safe), placed in a page as it is: a form's spec is made into JSON once per
 * rendering (a blank form's once per definition), not again by each page that shows it. Anything else
 * that serializes it gets the value back (`toJSON`).
 */
export class ScriptJson {
  constructor(readonly json: string) {}
  toJSON(): unknown {
    return JSON.parse(this.json);
  }
}

/** `scriptJson`, but JSON made already is placed as it is. */
export const placedJson = (value: unknown): string => (value instanceof ScriptJson ? value.json : scriptJson(value));

/**
 * Checks developer-written JavaScript that will be placed inline (ready callbacks). It is trusted code, so
 * it is not rewritten; but text that would end the script element is refused with a clear error.
 */
export function assertInlineScript(code: string, what: string): string {
  if (/<\/script|<!--|<script/i.test(code)) {
    throw new Error(`${what} contains "</script", "<script" or "<!--", which cannot be placed inside an inline script`);
  }
  return code;
}

/** Builds an attribute list, skipping null/undefined/false; `true` gives a bare boolean attribute. */
export function attributes(attrs: Record<string, string | number | boolean | null | undefined>): string {
  let out = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    out += value === true ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`;
  }
  return out;
}
