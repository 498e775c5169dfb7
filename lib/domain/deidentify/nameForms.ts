import { normalizeName } from "./names";
import { otherForms, WORD_LIKE_FORMS } from "./nicknames";
import { NOT_NAMES, TITLES } from "./wordLists";

/** The titles a surname is addressed with ("Mr Weber", "Dr. Hartmann"). */
const ADDRESS_TITLES = ["mr", "mrs", "ms", "miss", "mx", "dr"] as const;

/** One way a person's name is written: its lower-case words, and whether a capital at a sentence start may be a plain word. */
export interface NameForm {
  words: string[];
  /** "Will", "Rob": found only away from a sentence start. */
  wordLike: boolean;
}

/**
 * Every form of the names one role goes by, from the speaker label or what the reviewer typed: the full
 * name and each word of it, title + surname ("Mr Weber"), first name + initial ("Jonas W."), and the
 * common short forms of the first name ("Katherine" → Kate, Katie). Possessives need no form of their
 * own: the matcher stops before "'s". Leading titles in a label ("Dr. Lena Hartmann") are not names.
 */
export function nameForms(names: readonly string[]): NameForm[] {
  const forms = new Map<string, NameForm>();
  const add = (words: string[], wordLike = false) => {
    if (words.length === 0 || words.join("").length < 2) return;
    const key = words.join(" ");
    if (!forms.has(key)) forms.set(key, { words, wordLike });
  };
  for (const name of names) {
    const all = normalizeName(name.replace(/[.,]/g, " ")).split(" ").filter(Boolean);
    let k = 0;
    while (k < all.length - 1 && TITLES.has(all[k] ?? "")) k++;
    const words = all.slice(k);
    const given = words[0];
    const surname = words.length > 1 ? words[words.length - 1] : undefined;
    if (!given) continue;
    add(all);
    add(words);
    // Each word on its own, except stop words ("van", "de" are kept: they are rarely capitalised alone).
    for (const word of words) if (word.length >= 2 && !NOT_NAMES.has(word)) add([word]);
    if (surname) {
      for (const title of ADDRESS_TITLES) add([title, surname]);
      add([given, surname.charAt(0)]);
    }
    for (const short of otherForms(given)) {
      add([short], WORD_LIKE_FORMS.has(short));
      if (surname) {
        add([short, surname]);
        add([short, surname.charAt(0)]);
      }
    }
  }
  return [...forms.values()];
}

/** The single words of the forms, as the name heuristics and pseudonyms look them up. */
export function formParts(forms: readonly NameForm[]): Set<string> {
  const parts = new Set<string>();
  for (const form of forms) {
    parts.add(form.words.join(" "));
    if (form.words.length === 1 && form.words[0]) parts.add(form.words[0]);
  }
  return parts;
}
