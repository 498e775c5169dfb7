import type { RawSpan } from "./types";

const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?`;
const WEEKDAY = String.raw`(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\.?`;
const DAY = String.raw`(?:[12]\d|3[01]|0?[1-9])`;
const ORDINAL = String.raw`${DAY}(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:(?:19|20)\d{2}|'\d{2})`;
const WEEKDAY_LEAD = String.raw`(?:${WEEKDAY},?\s+(?:the\s+)?)?`;

const PATTERNS: readonly RegExp[] = [
  // March 3rd, 2024 · January 19 2024 · Friday, March 3 · March 3
  new RegExp(String.raw`\b${WEEKDAY_LEAD}${MONTH}\s+${ORDINAL}\b(?:,?\s+${YEAR}\b)?`, "g"),
  // 5 March · the 14th of June · 30 Nov 2023 · Tuesday 5 March 2024
  new RegExp(String.raw`\b${WEEKDAY_LEAD}(?:the\s+)?${ORDINAL}(?:\s+of)?\s+${MONTH}(?![a-z])(?:,?\s+${YEAR}\b)?`, "g"),
  // September 2022 · Sept. '23
  new RegExp(String.raw`\b${MONTH}\s+${YEAR}\b`, "g"),
  // Thursday the 8th · Tuesday 5th
  new RegExp(String.raw`\b${WEEKDAY},?\s+(?:the\s+)?${DAY}(?:st|nd|rd|th)\b`, "g"),
  // 12/03/2024 · 7/22/2023 · 04.09.1987 · 15-01-2024 · 3/5/24
  /(?<![\w/.-])\d{1,2}([/.-])\d{1,2}\1(?:\d{4}|\d{2})(?![\w/-]|\.\d)/g,
  // 2023-11-14 · 2024/03/05
  /(?<![\w/.-])(?:19|20)\d{2}([/.-])(?:0?[1-9]|1[0-2])\1(?:[12]\d|3[01]|0?[1-9])(?![\w/-]|\.\d)/g,
  // "on 3/14", "since 12/5": a short numeric date needs a word that makes it one (else 1/2 is a half)
  /(?<=\b(?:on|since|until|till|by|before|after|from|dated)\s)(?:0?[1-9]|1[0-2])\/(?:[12]\d|3[01]|0?[1-9])(?![\w/])/gi,
];

function plausibleNumeric(text: string): boolean {
  const parts = text.split(/[/.-]/).map(Number);
  if (parts.length < 3) return true;
  const [a = 0, b = 0, c = 0] = parts;
  if (a > 1000) return b >= 1 && b <= 12 && c >= 1 && c <= 31;
  // Day-first or month-first: one of the two must be a month and the other a day.
  return a >= 1 && b >= 1 && a <= 31 && b <= 31 && (a <= 12 || b <= 12);
}

/**
 * Dates that pin down a day or a month of a year: numeric (12/03/2024, 2023-11-14, 04.09.1987),
 * written out ("March 3rd, 2024", "the 14th of June", "30 Nov 2023", "September 2022"), with an optional
 * weekday ("Friday, January 19", "Thursday the 8th"). A bare year, month or weekday is not flagged: it
 * identifies nobody, and Safe Harbor de-identification keeps years.
 */
export function findDates(text: string): Omit<RawSpan, "priority">[] {
  const spans: Omit<RawSpan, "priority">[] = [];
  for (const pattern of PATTERNS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      // The abbreviation dot of "Nov." is optional in the patterns; at the end of a match it is the full stop.
      const value = m[0].replace(/[,.\s]+$/, "");
      if (/^\d/.test(value) && !plausibleNumeric(value)) continue;
      spans.push({ kind: "date", start: m.index, end: m.index + value.length });
    }
  }
  return spans;
}
