import { normalizeName } from "./names";
import type { IdentifierKind } from "./types";

const FIXED: Readonly<Record<Exclude<IdentifierKind, "person" | "place">, string>> = {
  email: "[EMAIL]",
  phone: "[PHONE]",
  url: "[URL]",
  date: "[DATE]",
  id_number: "[ID]",
};

export interface NamedSpan {
  kind: "person" | "place";
  text: string;
}

/**
 * Consistent pseudonyms for names, numbered in order of first appearance: the client's names → [CLIENT],
 * other people → [PERSON-1], [PERSON-2] …, places → [PLACE-1] …. The same name gets the same pseudonym
 * everywhere, and a lone first or last name shares the pseudonym of the one full name it belongs to
 * ("Sarah" after "Sarah Whitfield").
 */
export function namePseudonyms(spans: readonly NamedSpan[], clientParts: ReadonlySet<string>): (text: string, kind: "person" | "place") => string {
  const keysByKind: Record<"person" | "place", string[]> = { person: [], place: [] };
  for (const span of spans) {
    const key = normalizeName(span.text);
    if (!keysByKind[span.kind].includes(key)) keysByKind[span.kind].push(key);
  }
  const canonical = new Map<string, string>();
  for (const kind of ["person", "place"] as const) {
    const keys = keysByKind[kind];
    for (const key of keys) {
      if (key.includes(" ")) continue;
      const owners = keys.filter((other) => other.includes(" ") && other.split(" ").includes(key));
      if (owners.length === 1 && owners[0] !== undefined) canonical.set(`${kind}:${key}`, owners[0]);
    }
  }
  const numbers = new Map<string, number>();
  const counters = { person: 0, place: 0 };
  const resolve = (key: string, kind: "person" | "place"): string => canonical.get(`${kind}:${key}`) ?? key;
  const isClient = (key: string): boolean => clientParts.has(key) || key.split(" ").some((part) => clientParts.has(part));
  for (const span of spans) {
    const key = normalizeName(span.text);
    if (span.kind === "person" && isClient(key)) continue;
    const id = `${span.kind}:${resolve(key, span.kind)}`;
    if (!numbers.has(id)) numbers.set(id, ++counters[span.kind]);
  }
  return (text, kind) => {
    const key = normalizeName(text);
    if (kind === "person" && isClient(key)) return "[CLIENT]";
    const number = numbers.get(`${kind}:${resolve(key, kind)}`);
    return `[${kind === "person" ? "PERSON" : "PLACE"}-${number ?? 0}]`;
  };
}

export function fixedPseudonym(kind: Exclude<IdentifierKind, "person" | "place">): string {
  return FIXED[kind];
}
