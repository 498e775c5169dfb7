/**
 * A small, strict XML parser for reading REFI-QDA project files back: elements, attributes, text, CDATA,
 * comments and processing instructions, the five predefined entities and character references. Written
 * by hand (a scanner over the string, no regular expressions, no new package) because all we need is
 * a tree.
 *
 * It refuses a DOCTYPE outright: a project file has no use for one, and refusing it rules out entity
 * expansion attacks ("billion laughs") and external entities when a file comes from elsewhere.
 * Namespaces are not resolved: an element keeps its qualified name and gets its local name, which is all
 * a reader of one known vocabulary needs.
 */

export interface XmlElement {
  /** The name as written, prefix included. */
  qname: string;
  /** The name without its namespace prefix. */
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

export class XmlParseError extends Error {
  override name = "XmlParseError";
  constructor(message: string, readonly offset: number) {
    super(`${message} (at character ${offset})`);
  }
}

export interface ParseXmlOptions {
  /** Longest document accepted, in UTF-16 code units. */
  maxLength?: number;
  /** Deepest element nesting accepted. */
  maxDepth?: number;
}

const PREDEFINED: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function isSpace(c: string): boolean {
  return c === " " || c === "\t" || c === "\n" || c === "\r";
}

function isNameChar(c: string): boolean {
  return c !== "" && !isSpace(c) && c !== "/" && c !== ">" && c !== "=" && c !== "<" && c !== '"' && c !== "'" && c !== "&";
}

/** XML end-of-line handling (§2.11): CRLF and lone CR become LF before anything else. */
function normaliseLineEnds(text: string): string {
  return text.split("\r\n").join("\n").split("\r").join("\n");
}

function decodeCharRef(body: string, offset: number): string {
  const hex = body.startsWith("#x");
  const digits = body.slice(hex ? 2 : 1);
  if (digits.length === 0) throw new XmlParseError("empty character reference", offset);
  for (const d of digits) {
    const ok = hex ? (d >= "0" && d <= "9") || (d >= "a" && d <= "f") || (d >= "A" && d <= "F") : d >= "0" && d <= "9";
    if (!ok) throw new XmlParseError("bad character reference", offset);
  }
  const code = Number.parseInt(digits, hex ? 16 : 10);
  if (!(code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff))) {
    throw new XmlParseError("character reference to a character XML does not allow", offset);
  }
  return String.fromCodePoint(code);
}

/** Decodes entity and character references; `attribute` also turns literal whitespace into spaces (§3.3.3). */
function decode(raw: string, offset: number, attribute: boolean): string {
  let out = "";
  let i = 0;
  while (i < raw.length) {
    const c = raw[i]!;
    if (c === "&") {
      const end = raw.indexOf(";", i);
      if (end < 0) throw new XmlParseError("unterminated reference", offset + i);
      const body = raw.slice(i + 1, end);
      if (body.startsWith("#")) out += decodeCharRef(body, offset + i);
      else {
        const value = PREDEFINED[body];
        if (value === undefined) throw new XmlParseError(`unknown entity &${body};`, offset + i);
        out += value;
      }
      i = end + 1;
      continue;
    }
    if (attribute && (c === "\t" || c === "\n")) out += " ";
    else if (attribute && c === "<") throw new XmlParseError("'<' in an attribute value", offset + i);
    else out += c;
    i++;
  }
  return out;
}

function localName(qname: string): string {
  const colon = qname.indexOf(":");
  return colon < 0 ? qname : qname.slice(colon + 1);
}

export function parseXml(input: string, options: ParseXmlOptions = {}): XmlElement {
  const maxLength = options.maxLength ?? 64 * 1024 * 1024;
  const maxDepth = options.maxDepth ?? 256;
  if (input.length > maxLength) throw new XmlParseError("document too large", 0);
  const text = normaliseLineEnds(input.startsWith("\uFEFF") ? input.slice(1) : input);
  let pos = 0;
  let root: XmlElement | null = null;
  const stack: XmlElement[] = [];

  const expect = (token: string): void => {
    if (!text.startsWith(token, pos)) throw new XmlParseError(`expected "${token}"`, pos);
    pos += token.length;
  };
  const skipSpaces = (): void => {
    while (pos < text.length && isSpace(text[pos]!)) pos++;
  };
  const readName = (): string => {
    const start = pos;
    while (pos < text.length && isNameChar(text[pos]!)) pos++;
    if (pos === start) throw new XmlParseError("expected a name", pos);
    return text.slice(start, pos);
  };
  const skipPast = (terminator: string, what: string): string => {
    const end = text.indexOf(terminator, pos);
    if (end < 0) throw new XmlParseError(`unterminated ${what}`, pos);
    const body = text.slice(pos, end);
    pos = end + terminator.length;
    return body;
  };
  const addText = (value: string): void => {
    const parent = stack[stack.length - 1];
    if (!parent) {
      for (const c of value) if (!isSpace(c)) throw new XmlParseError("text outside the root element", pos);
      return;
    }
    const last = parent.children[parent.children.length - 1];
    if (typeof last === "string") parent.children[parent.children.length - 1] = last + value;
    else if (value !== "") parent.children.push(value);
  };

  while (pos < text.length) {
    if (text[pos] !== "<") {
      const start = pos;
      const next = text.indexOf("<", pos);
      pos = next < 0 ? text.length : next;
      addText(decode(text.slice(start, pos), start, false));
      continue;
    }
    if (text.startsWith("<?", pos)) {
      pos += 2;
      skipPast("?>", "processing instruction");
    } else if (text.startsWith("<!--", pos)) {
      pos += 4;
      const body = skipPast("-->", "comment");
      if (body.includes("--")) throw new XmlParseError("'--' inside a comment", pos);
    } else if (text.startsWith("<![CDATA[", pos)) {
      if (stack.length === 0) throw new XmlParseError("CDATA outside the root element", pos);
      pos += 9;
      addText(skipPast("]]>", "CDATA section"));
    } else if (text.startsWith("<!", pos)) {
      throw new XmlParseError("DOCTYPE and other declarations are not accepted", pos);
    } else if (text.startsWith("</", pos)) {
      pos += 2;
      const qname = readName();
      skipSpaces();
      expect(">");
      const open = stack.pop();
      if (!open || open.qname !== qname) throw new XmlParseError(`closing </${qname}> does not match <${open?.qname ?? ""}>`, pos);
    } else {
      pos += 1;
      const qname = readName();
      const element: XmlElement = { qname, name: localName(qname), attributes: {}, children: [] };
      for (;;) {
        const before = pos;
        skipSpaces();
        if (text.startsWith("/>", pos) || text[pos] === ">") break;
        if (pos === before) throw new XmlParseError("expected whitespace between attributes", pos);
        const attrName = readName();
        skipSpaces();
        expect("=");
        skipSpaces();
        const quote = text[pos];
        if (quote !== '"' && quote !== "'") throw new XmlParseError("attribute value must be quoted", pos);
        pos += 1;
        const start = pos;
        const value = skipPast(quote, "attribute value");
        if (Object.prototype.hasOwnProperty.call(element.attributes, attrName)) throw new XmlParseError(`duplicate attribute ${attrName}`, start);
        element.attributes[attrName] = decode(value, start, true);
      }
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(element);
      else if (root) throw new XmlParseError("more than one root element", pos);
      else root = element;
      if (text.startsWith("/>", pos)) pos += 2;
      else {
        pos += 1;
        stack.push(element);
        if (stack.length > maxDepth) throw new XmlParseError("elements nested too deeply", pos);
      }
    }
  }
  if (stack.length > 0) throw new XmlParseError(`<${stack[stack.length - 1]!.qname}> is never closed`, pos);
  if (!root) throw new XmlParseError("no root element", pos);
  return root;
}

export function childElements(element: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of element.children) if (typeof child !== "string" && (name === undefined || child.name === name)) out.push(child);
  return out;
}

export function firstChild(element: XmlElement, name: string): XmlElement | null {
  return childElements(element, name)[0] ?? null;
}

/** The concatenated text of an element and its descendants. */
export function textContent(element: XmlElement): string {
  let out = "";
  for (const child of element.children) out += typeof child === "string" ? child : textContent(child);
  return out;
}
