/**
 * Other trainees' names, only where the exercise allows them (issue 9: "other trainees' names appear only
 * if the exercise allows it"). A viewer who may not see coder names (can "exercise.see_coder_names" is
 * false: a trainee, unless staff switched names on) still sees their own name, the key's and staff
 * coders' — a supervisor or instructor is known to the class — and every other trainee as "Trainee 1",
 * "Trainee 2", … Pure.
 *
 * The numbers follow the coders' ids, not their names, and the list comes back in the order of the names
 * shown: neither a number nor a position says where a classmate falls in the alphabet. The same coder
 * keeps the same number on every page and file for a given exercise.
 */

export interface NamedCoder {
  id: string;
  name: string;
}

export const ANONYMOUS_TRAINEE = "Trainee";

const byShownName = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

/**
 * The coders as a viewer without the names right sees them. `shown`: ids whose real name stays (the
 * viewer, the key coder, staff coders). Every other field of a coder is kept.
 */
export function anonymiseCoders<T extends NamedCoder>(coders: readonly T[], shown: ReadonlySet<string>): T[] {
  const hidden = coders
    .filter((c) => !shown.has(c.id))
    .map((c) => c.id)
    .sort();
  if (hidden.length === 0) return [...coders];
  const number = new Map(hidden.map((id, i) => [id, i + 1]));
  const renamed = coders.map((c) => {
    const n = number.get(c.id);
    return n === undefined ? c : { ...c, name: `${ANONYMOUS_TRAINEE} ${n}` };
  });
  return renamed.sort((a, b) => byShownName.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
