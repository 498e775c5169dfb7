/**
 * Escaping for the XML we write. XML 1.0 cannot carry most C0 control characters or unpaired surrogates
 * at all (not even as character references), so those become U+FFFD; tab, CR and LF inside attribute
 * values are written as character references, because a parser normalises literal ones to spaces.
 */

function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || code >= 0x10000;
}

/** Replaces characters XML 1.0 cannot represent with U+FFFD (one code point for one, so lengths in code points hold). */
export function xmlSafe(text: string): string {
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0)!;
    // An unpaired surrogate iterates as one unit whose code is in the surrogate range.
    out += isXmlChar(code) ? char : "\uFFFD";
  }
  return out;
}

export function escapeText(text: string): string {
  let out = "";
  for (const char of xmlSafe(text)) {
    if (char === "&") out += "&amp;";
    else if (char === "<") out += "&lt;";
    else if (char === ">") out += "&gt;";
    else if (char === "\r") out += "&#13;";
    else out += char;
  }
  return out;
}

export function escapeAttribute(text: string): string {
  let out = "";
  for (const char of xmlSafe(text)) {
    if (char === "&") out += "&amp;";
    else if (char === "<") out += "&lt;";
    else if (char === ">") out += "&gt;";
    else if (char === '"') out += "&quot;";
    else if (char === "\t") out += "&#9;";
    else if (char === "\n") out += "&#10;";
    else if (char === "\r") out += "&#13;";
    else out += char;
  }
  return out;
}

/** ` name="value"` for each defined attribute, in the order given (stable output). */
export function attributes(attrs: ReadonlyArray<readonly [string, string | number | boolean | undefined]>): string {
  let out = "";
  for (const [name, value] of attrs) {
    if (value === undefined) continue;
    out += ` ${name}="${escapeAttribute(String(value))}"`;
  }
  return out;
}
