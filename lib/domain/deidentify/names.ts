import type { IdentifierKind } from "./types";
import {
  EMPLOYER_BEFORE,
  EMPLOYER_VERBS,
  FROM_PERSON,
  MOTION,
  NAME_LIKE_WORDS,
  NOT_NAMES,
  ORG_PARTS,
  ORG_SUFFIX,
  PERSON_AFTER,
  PERSON_BEFORE,
  PLACE_BEFORE,
  PLACE_PARTS,
  RELATION_BEFORE,
  TITLES,
} from "./wordLists";

interface Token {
  start: number;
  /** End without a possessive 's. */
  end: number;
  base: string;
  lower: string;
  possessive: boolean;
}

/** A run of capitalised words that may be a name, with the clues around it. */
export interface NameGroup {
  start: number;
  end: number;
  /** Lower-case, possessive-free, single-spaced: the same name gets the same key everywhere. */
  key: string;
  tokenKeys: string[];
  /** At a sentence start with no other clue: only a name if the same key is a name elsewhere. */
  weak: boolean;
  placeVotes: number;
  personVotes: number;
  orgVotes: number;
}

const TOKEN = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*(?:-[\p{L}\p{M}]+)*/gu;
const ABBREVIATIONS = new Set(["st", "mt", "ft", "no", "vs", "approx"]);

export function normalizeName(text: string): string {
  return text.replace(/’/g, "'").replace(/\s+/g, " ").trim().toLowerCase();
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const raw = m[0];
    const possessive = /['’]s$/i.test(raw) && raw.length > 3;
    const base = possessive ? raw.slice(0, -2) : raw;
    tokens.push({ start: m.index, end: m.index + base.length, base, lower: normalizeName(base), possessive });
  }
  return tokens;
}

function isCapitalised(token: Token): boolean {
  return /^\p{Lu}(?:\p{Ll}|['’]\p{Lu})/u.test(token.base);
}

/** Whether a word opens a sentence: the text's start, a new line, or . ! ? … that is not "Dr." or "St.". */
function atSentenceStart(text: string, token: Token, previous: Token | undefined): boolean {
  let i = token.start - 1;
  while (i >= 0 && /[\s"“‘'([]/.test(text[i] ?? "")) {
    if (text[i] === "\n") return true;
    i--;
  }
  if (i < 0) return true;
  const ch = text[i] ?? "";
  if (!".!?…".includes(ch)) return false;
  if (ch === "." && previous && previous.end === i && (TITLES.has(previous.lower) || ABBREVIATIONS.has(previous.lower))) return false;
  return true;
}

/** "Dr. Okafor", "Coach Daniels": a title, then only a space or ". " before a capitalised word. */
function joinsTitle(text: string, title: Token, next: Token | undefined): boolean {
  return next !== undefined && isCapitalised(next) && /^\.?[ \t]+$/.test(text.slice(title.end, next.start)) && !NOT_NAMES.has(next.lower);
}

/**
 * Capitalised words that are not at a sentence start and not in the stop lists, grouped into names
 * ("Sarah Whitfield", "St Mary's Hospital"), with votes for person or place from the words around them.
 * `known` names (added by the reviewer, or speaker names) count as names even at a sentence start.
 */
export function findNameGroups(text: string, known: ReadonlySet<string>): NameGroup[] {
  const tokens = tokenize(text);
  const groups: NameGroup[] = [];
  let titled = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token || !isCapitalised(token)) {
      titled = false;
      continue;
    }
    if (TITLES.has(token.lower) && !known.has(token.lower) && joinsTitle(text, token, tokens[i + 1])) {
      titled = true;
      continue;
    }
    // "my friend Will": a stop word that is also a given name, right after a relationship word, mid-sentence.
    const relationName = NAME_LIKE_WORDS.has(token.lower) && RELATION_BEFORE.has(tokens[i - 1]?.lower ?? "") && !atSentenceStart(text, token, tokens[i - 1]);
    if (NOT_NAMES.has(token.lower) && !known.has(token.lower) && !relationName) {
      titled = false;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length) {
      const next = tokens[j + 1];
      const current = tokens[j];
      if (!next || !current || current.possessive && !PLACE_PARTS.has(next.lower)) break;
      if (!isCapitalised(next) || text.slice(current.end + (current.possessive ? 2 : 0), next.start) !== " ") break;
      if (TITLES.has(next.lower) && !PLACE_PARTS.has(next.lower)) break;
      if (NOT_NAMES.has(next.lower) && !PLACE_PARTS.has(next.lower) && !known.has(next.lower)) break;
      j++;
    }
    // A legal form after the run ("Acme GmbH", "Northwind Inc") belongs to it, whatever its capitals.
    const suffix = tokens[j + 1];
    const hasSuffix = suffix !== undefined && ORG_SUFFIX.test(suffix.base) && text.slice(tokens[j]?.end ?? 0, suffix.start) === " ";
    if (hasSuffix) j++;
    const members = tokens.slice(i, j + 1);
    const first = members[0];
    const last = members[members.length - 1];
    if (!first || !last) continue;
    const before = tokens.slice(Math.max(0, i - 4), i).map((t) => t.lower);
    const previous = before[before.length - 1] ?? "";
    const after = tokens[j + 1];
    const nextWord = after && text.slice(last.end, after.start).trim().replace(/^['’]s/, "") === "" ? after.lower : "";
    const tokenKeys = members.map((t) => t.lower);
    const key = normalizeName(text.slice(first.start, last.end));
    let place = 0;
    let person = 0.5;
    let org = 0;
    // Organisations: a legal form or an organisation word in the name, or an employment cue before it
    // ("worked at Siemens", "fired from Kaufland", "joined Northwind"). The cue outweighs "at" for places.
    if (hasSuffix) org += 6;
    if (tokenKeys.some((k) => ORG_PARTS.has(k))) org += 3;
    const cueVerbs = EMPLOYER_BEFORE[previous];
    if ((cueVerbs && before.slice(0, -1).some((w) => cueVerbs.has(w))) || EMPLOYER_VERBS.has(previous)) org += 5;
    if (relationName) person += 3;
    if (tokenKeys.some((k) => PLACE_PARTS.has(k))) place += 3;
    // "in Hackney" outweighs "Hackney called"; "in Dana's car" is about Dana.
    if (PLACE_BEFORE.has(previous) && !last.possessive) place += 3;
    if (previous === "at") place += 1;
    if (previous === "to") {
      if (before.some((w) => MOTION.has(w))) place += 2;
      else person += 1;
    }
    if (previous === "from") {
      if (before.some((w) => FROM_PERSON.has(w))) person += 2;
      else place += before.some((w) => MOTION.has(w)) ? 2 : 1;
    }
    if (titled) person += 3;
    if (PERSON_BEFORE.has(previous)) person += 2;
    if (last.possessive) person += 1;
    const andName = nextWord === "and" && tokens[j + 2] !== undefined && isCapitalised(tokens[j + 2] as Token);
    if (PERSON_AFTER.has(nextWord) && (nextWord !== "and" || andName)) person += 2;
    const startOfSentence = atSentenceStart(text, first, tokens[i - 1]);
    const clue = titled || hasSuffix || members.length > 1 || last.possessive || (PERSON_AFTER.has(nextWord) && (nextWord !== "and" || andName)) || known.has(key);
    groups.push({ start: first.start, end: last.end, key, tokenKeys, weak: startOfSentence && !clue, placeVotes: place, personVotes: person, orgVotes: org });
    titled = false;
    i = j;
  }
  return groups;
}

/** Person, place or organisation for each name key, by the votes of all its occurrences in the transcript. */
export function decideNameKinds(groups: readonly NameGroup[]): Map<string, IdentifierKind> {
  const totals = new Map<string, { place: number; person: number; org: number }>();
  for (const group of groups) {
    const total = totals.get(group.key) ?? { place: 0, person: 0, org: 0 };
    total.place += group.placeVotes;
    total.person += group.personVotes;
    total.org += group.orgVotes;
    totals.set(group.key, total);
  }
  const kinds = new Map<string, IdentifierKind>();
  for (const [key, total] of totals) kinds.set(key, total.org > total.place && total.org > total.person ? "org" : total.place > total.person ? "place" : "person");
  return kinds;
}
