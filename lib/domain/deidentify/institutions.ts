import type { RawSpan } from "./types";

/**
 * "I work at the university hospital", "she used to work for the city council": an employer named in
 * lower case. Capitalisation finds "Siemens" but not these, yet in a small town they point at one
 * workplace. Only after an employment cue, and only with a modifier that narrows it down ("the hospital"
 * alone identifies nobody; "the local bank" neither), so ordinary talk about work stays untouched.
 */
const EMPLOYER_PHRASE =
  /\b(?:work|works|worked|working|job|jobs|employed|shifts?|placement|internship|apprenticeship)\s+(?:at|for|by|with)\s+the\s+((?!(?:local|same|new|old|big|small|other|nearest|main)\b)[a-z]+(?:\s+[a-z]+)?\s+(?:hospital|clinic|university|council|ministry|police|bank|school|college|factory|prison|charity|agency|firm|authority|trust))\b/g;

export function findInstitutions(text: string): Omit<RawSpan, "priority">[] {
  const spans: Omit<RawSpan, "priority">[] = [];
  EMPLOYER_PHRASE.lastIndex = 0;
  for (let m = EMPLOYER_PHRASE.exec(text); m; m = EMPLOYER_PHRASE.exec(text)) {
    const phrase = m[1];
    if (phrase === undefined) continue;
    const start = m.index + m[0].length - phrase.length;
    spans.push({ kind: "org", start, end: start + phrase.length });
  }
  return spans;
}
