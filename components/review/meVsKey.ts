import { codeLabel } from "@/lib/domain/codebook";
import type { ReviewTurn } from "@/lib/review/groupReviewTypes";
import { codeOfBit, maskBits } from "./groupModel";

/**
 * A trainee's turn against the key, in words a trainee can act on: what both gave, what only the key
 * gave (missed), what only the trainee gave (extra), and the same dimension read at the other pole.
 */
export interface MeVsKey {
  same: boolean;
  both: number[];
  missed: number[];
  extra: number[];
  /** Pairs [mine, key's]: the same dimension at the other pole. */
  flipped: Array<[number, number]>;
}

export function compareWithKey(me: number, key: number): MeVsKey {
  const both = maskBits(me & key);
  let missed = maskBits(key & ~me);
  let extra = maskBits(me & ~key);
  const flipped: Array<[number, number]> = [];
  for (const bit of [...extra]) {
    const other = bit ^ 1; // flexible bit 2d, inflexible 2d + 1
    if (missed.includes(other)) {
      flipped.push([bit, other]);
      extra = extra.filter((b) => b !== bit);
      missed = missed.filter((b) => b !== other);
    }
  }
  return { same: me === key, both, missed, extra, flipped };
}

const label = (bit: number) => {
  const { dimension, polarity } = codeOfBit(bit);
  return codeLabel(dimension, polarity);
};

/** "You coded COG·F where the key has COG·I; the key also has BEH·I" — one sentence per turn. */
export function verdictText(v: MeVsKey): string {
  if (v.same) return v.both.length === 0 ? "Same as the key: no code." : "Same as the key.";
  const parts: string[] = [];
  for (const [mine, key] of v.flipped) parts.push(`you read ${label(mine)} where the key has ${label(key)} (other pole)`);
  const codedNothing = v.both.length === 0 && v.flipped.length === 0 && v.extra.length === 0;
  // "Also" only beside something the trainee did code: a turn they left empty reads as what it is.
  if (v.missed.length > 0 && codedNothing) parts.push(`you gave no code where the key has ${v.missed.map(label).join(", ")}`);
  else if (v.missed.length > 0 && (v.both.length > 0 || v.flipped.length > 0)) parts.push(`the key also has ${v.missed.map(label).join(", ")}`);
  else if (v.missed.length > 0) parts.push(`the key has ${v.missed.map(label).join(", ")}, which you did not code`);
  if (v.extra.length > 0) parts.push(`you added ${v.extra.map(label).join(", ")}, which the key does not have`);
  const text = parts.join("; ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

export interface MeSummary {
  /** Turns both you and the key looked at. */
  compared: number;
  same: number;
  /** Turns the key looked at that you did not. */
  notLooked: number;
}

export function meSummary(turns: readonly ReviewTurn[]): MeSummary {
  let compared = 0;
  let same = 0;
  let notLooked = 0;
  for (const t of turns) {
    if (t.key === null) continue;
    if (t.me === null || t.me === undefined) {
      notLooked++;
      continue;
    }
    compared++;
    if (t.me === t.key) same++;
  }
  return { compared, same, notLooked };
}
