import { normalizeName } from "./names";
import type { IdentifierKind } from "./types";

export type NamedKind = "person" | "place" | "org";

const FIXED: Readonly<Record<Exclude<IdentifierKind, NamedKind>, string>> = {
  email: "[EMAIL]",
  phone: "[PHONE]",
  url: "[URL]",
  date: "[DATE]",
  id_number: "[ID]",
};

const PREFIX: Readonly<Record<NamedKind, string>> = { person: "PERSON", place: "PLACE", org: "ORG" };
const NAMED_KINDS: readonly NamedKind[] = ["person", "place", "org"];

export interface NamedSpan {
  kind: NamedKind;
  text: string;
}

/** The words of the client's and the therapist's names (lower case), from nameForms. */
export interface RoleParts {
  client: ReadonlySet<string>;
  therapist: ReadonlySet<string>;
}

/**
 * Consistent pseudonyms for names, numbered in order of first appearance: the client's names → [CLIENT],
 * the therapist's → [THERAPIST], other people → [PERSON-1] …, places → [PLACE-1] …, organisations →
 * [ORG-1] …. The same name gets the same pseudonym everywhere, and a lone first or last name shares the
 * pseudonym of the one full name it belongs to ("Sarah" after "Sarah Whitfield").
 */
export function namePseudonyms(spans: readonly NamedSpan[], roles: RoleParts): (text: string, kind: NamedKind) => string {
  const keysByKind: Record<NamedKind, string[]> = { person: [], place: [], org: [] };
  for (const span of spans) {
    const key = normalizeName(span.text);
    if (!keysByKind[span.kind].includes(key)) keysByKind[span.kind].push(key);
  }
  const canonical = new Map<string, string>();
  for (const kind of NAMED_KINDS) {
    const keys = keysByKind[kind];
    for (const key of keys) {
      if (key.includes(" ")) continue;
      const owners = keys.filter((other) => other.includes(" ") && other.split(" ").includes(key));
      if (owners.length === 1 && owners[0] !== undefined) canonical.set(`${kind}:${key}`, owners[0]);
    }
  }
  const numbers = new Map<string, number>();
  const counters: Record<NamedKind, number> = { person: 0, place: 0, org: 0 };
  const resolve = (key: string, kind: NamedKind): string => canonical.get(`${kind}:${key}`) ?? key;
  const belongs = (parts: ReadonlySet<string>, key: string): boolean => parts.has(key) || key.split(" ").some((part) => parts.has(part));
  const role = (key: string): "[CLIENT]" | "[THERAPIST]" | null => (belongs(roles.client, key) ? "[CLIENT]" : belongs(roles.therapist, key) ? "[THERAPIST]" : null);
  for (const span of spans) {
    const key = normalizeName(span.text);
    if (span.kind === "person" && role(key)) continue;
    const id = `${span.kind}:${resolve(key, span.kind)}`;
    if (!numbers.has(id)) numbers.set(id, ++counters[span.kind]);
  }
  return (text, kind) => {
    const key = normalizeName(text);
    const fixed = kind === "person" ? role(key) : null;
    if (fixed) return fixed;
    const number = numbers.get(`${kind}:${resolve(key, kind)}`);
    return `[${PREFIX[kind]}-${number ?? 0}]`;
  };
}

export function fixedPseudonym(kind: Exclude<IdentifierKind, NamedKind>): string {
  return FIXED[kind];
}
