/**
 * REFI-QDA counts PlainTextSelection positions in characters of the source text — Unicode code points,
 * which is what Python-based tools (QualCoder) index by. JavaScript strings, Yjs and ProseMirror count
 * UTF-16 code units; the two differ only after a character outside the Basic Multilingual Plane (most
 * emoji), but there they differ, so every offset crosses this table on the way out and back.
 */

/** codePointAt[u] = number of code points in text.slice(0, u), for every UTF-16 offset 0 … text.length. */
export function codePointTable(text: string): Int32Array {
  const table = new Int32Array(text.length + 1);
  let points = 0;
  for (let u = 0; u < text.length; u++) {
    table[u] = points;
    const unit = text.charCodeAt(u);
    const next = u + 1 < text.length ? text.charCodeAt(u + 1) : 0;
    // A high surrogate followed by a low one is one code point: its second unit does not count again.
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      table[u + 1] = points;
      u++;
    }
    points++;
  }
  table[text.length] = points;
  return table;
}

export function codePointLength(text: string): number {
  let points = 0;
  for (const _ of text) points++;
  return points;
}

/** The substring between two code-point positions (what a REFI-QDA selection covers). */
export function sliceCodePoints(text: string, start: number, end: number): string {
  let out = "";
  let at = 0;
  for (const char of text) {
    if (at >= end) break;
    if (at >= start) out += char;
    at++;
  }
  return out;
}
