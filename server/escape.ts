// Escaping for each place a value can land in a page. Every string that reaches HTML goes through one of
// these; nothing else in the package concatenates untrusted text into markup.

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and for quoted attribute values alike. */
/** A value that can travel to the browser as JSON (widget properties, ready call arguments). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

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

/** Script-safe JSON of values that never change once made (a form's spec), by the value itself. */
const lastingJson = new WeakMap<object, string>();

/**
 * `scriptJson` of a value that is never changed once made, computed once: a blank form's spec goes into
 * every page that shows the form. `knownScriptJson` finds it again by the value.
 */
export function scriptJsonOnce(value: object): string {
  let json = lastingJson.get(value);
  if (json === undefined) lastingJson.set(value, (json = scriptJson(value)));
  return json;
}

/** The JSON `scriptJsonOnce` made of this value, if it did; else it is made now (and not kept). */
export const knownScriptJson = (value: unknown): string => (value !== null && typeof value === 'object' ? lastingJson.get(value) : undefined) ?? scriptJson(value);

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
