import { findDates } from "./dates";
import type { RawSpan } from "./types";

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const URL_EXPLICIT = /\b(?:https?:\/\/|www\.)[^\s<>"']+/gi;
const URL_BARE = /\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|org|net|edu|gov|io|co|uk|de|nl|fr|es|it|au|ca|ie|nz|info|me|app|health|ly)\b(?:\/[^\s<>"']*)?/gi;
const PHONE_INTERNATIONAL = /(?<![\w+])(?:\+|00)\d{1,3}(?:[ .-]?\(?\d{1,5}\)?){2,6}(?!\d)/g;
const PHONE_NANP = /(?<![\w+-])(?:1[ .-])?(?:\(\d{3}\)\s?|\d{3}[ .-])\d{3}[ .-]\d{4}(?![\w-])/g;
const PHONE_TRUNK = /(?<![\w+-])0\d{2,4}[ -]?\d{3,4}[ -]?\d{3,4}(?![\w-])/g;
const PHONE_LOCAL = /(?<![\w.+-])\d{3}-\d{4}(?![\w-])/g;
const SSN = /(?<![\w-])\d{3}-\d{2}-\d{4}(?![\w-])/g;
const CARD = /(?<![\w-])\d{4}(?:[ -]\d{4}){3}(?![\w-])/g;
/** Any token with six or more digits, optionally with a short letter prefix and hyphens: 40021877, AB-7734091, 55-3019-884. */
const LONG_NUMBER = /(?<![\w-])(?:[A-Z]{1,4}-?)?\d[\d-]*\d[A-Z]?(?![\w-])/g;
/** A labelled identifier: "MRN 40021877", "NHS no. 943 476 5919", "case #12345", "ID: A12345". */
const LABELLED_ID = /\b(?:MRN|NHS|SSN|NI|ID|patient|case|record|member|policy|account|passport|licen[cs]e|reference|ref)\b(?:\s+(?:number|no\.?|num|ID))?\s*(?:is|was|:|#)?\s*#?\s*([A-Z]{0,4}-?\d[\d -]{3,}\d[A-Z]?)/gi;
const ADDRESS = /\b\d{1,5}[a-z]?\s+(?:\p{Lu}[\p{L}'’-]+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Court|Ct|Place|Pl|Close|Crescent|Terrace|Gardens|Square|Grove|Row|Mews)\b\.?/gu;
const UK_POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b/g;

function digits(text: string): number {
  return text.replace(/\D/g, "").length;
}

function* matches(pattern: RegExp, text: string): Generator<{ start: number; end: number; text: string; group?: string; groupStart?: number }> {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m[0] === "") {
      pattern.lastIndex++;
      continue;
    }
    const group = m[1];
    yield { start: m.index, end: m.index + m[0].length, text: m[0], group, groupStart: group === undefined ? undefined : m.index + m[0].lastIndexOf(group) };
  }
}

/** Trailing sentence punctuation is not part of a URL ("…see example.org." / "(www.example.org)"). */
function trimUrl(text: string): string {
  let out = text.replace(/[.,;:!?'"”’]+$/, "");
  if (out.endsWith(")") && !out.includes("(")) out = out.slice(0, -1);
  return out;
}

/**
 * Identifiers with a recognisable shape: emails, URLs, phone numbers, dates, ID-like numbers and street
 * addresses. Overlaps are settled later by priority (an email beats the URL-looking domain inside it; a
 * date beats the ID-looking digits in 2023-11-14; a labelled NHS number beats the phone shape it shares).
 */
export function findStructured(text: string): RawSpan[] {
  const spans: RawSpan[] = [];
  for (const m of matches(EMAIL, text)) spans.push({ kind: "email", start: m.start, end: m.end, priority: 100 });
  for (const pattern of [URL_EXPLICIT, URL_BARE]) {
    for (const m of matches(pattern, text)) spans.push({ kind: "url", start: m.start, end: m.start + trimUrl(m.text).length, priority: 90 });
  }
  for (const m of matches(LABELLED_ID, text)) {
    if (m.group === undefined || m.groupStart === undefined || digits(m.group) < 5) continue;
    const value = m.group.replace(/[ -]+$/, "");
    spans.push({ kind: "id_number", start: m.groupStart, end: m.groupStart + value.length, priority: 85 });
  }
  for (const pattern of [SSN, CARD]) for (const m of matches(pattern, text)) spans.push({ kind: "id_number", start: m.start, end: m.end, priority: 82 });
  for (const span of findDates(text)) spans.push({ ...span, priority: 80 });
  for (const pattern of [PHONE_INTERNATIONAL, PHONE_NANP, PHONE_TRUNK, PHONE_LOCAL]) {
    for (const m of matches(pattern, text)) {
      const count = digits(m.text);
      if (count >= 7 && count <= 15) spans.push({ kind: "phone", start: m.start, end: m.end, priority: 70 });
    }
  }
  for (const m of matches(LONG_NUMBER, text)) {
    if (digits(m.text) >= 6) spans.push({ kind: "id_number", start: m.start, end: m.end, priority: 60 });
  }
  for (const m of matches(ADDRESS, text)) spans.push({ kind: "place", start: m.start, end: m.end, priority: 75 });
  for (const m of matches(UK_POSTCODE, text)) spans.push({ kind: "place", start: m.start, end: m.end, priority: 75 });
  return spans;
}
