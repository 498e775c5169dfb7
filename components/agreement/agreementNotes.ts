import { DOMINANT_SHARE, MIN_UNITS } from "@/lib/agreement/diagnostics";
import { formatCoefficient } from "@/lib/domain/bands";
import type { AgreementResultData, VariableInfoData } from "./agreementData";
import { type StatisticId, readStatistic } from "./statistics";

/**
 * One plain-language line where a coefficient misleads (UX "Numbers people trust": "one code covers 94%
 * of units; AC1 0.91 is more telling here than κ 0.12"). The engine's own warnings say the same at
 * length; these are the short form printed under a number, in the words of the coding task.
 */

export interface NoteSubject {
  /** What one value of the variable is about, in words: "emotion", "COG·I", "any code". */
  kind: VariableInfoData["kind"];
  label: string;
}

const pct = (share: number): string => `${Math.round(share * 100)}%`;

function dominantPhrase(subject: NoteSubject, category: string, share: number): string {
  const p = pct(share);
  if (subject.kind === "dimension") {
    if (category === "none") return `${p} of coded turns carry no ${subject.label} code`;
    return `${p} of ${subject.label} values are “${category}”`;
  }
  if (subject.kind === "presence") return category === "0" ? `${p} of coded turns have no ${subject.label}` : `${p} of coded turns have ${subject.label}`;
  return category === "none" ? `${p} of coded turns carry no code at all` : `one code set covers ${p} of coded turns`;
}

export interface AgreementNote {
  /** "few": too few turns — the same for every variable of a run, so a view may say it once. */
  kind: "nothing" | "undefined" | "dominant" | "few";
  text: string;
}

/** The short notes for one variable under the chosen statistic, most important first. */
export function agreementNotes(result: AgreementResultData | undefined, info: VariableInfoData | undefined, subject: NoteSubject, id: StatisticId): AgreementNote[] {
  return noteTexts(result, info, subject, id);
}

/** The notes as plain strings (cells and tooltips). */
export function agreementNoteTexts(result: AgreementResultData | undefined, info: VariableInfoData | undefined, subject: NoteSubject, id: StatisticId): string[] {
  return noteTexts(result, info, subject, id).map((n) => n.text);
}

/** Turns compared below which every number is shaky (lib/agreement's own threshold). */
export function fewTurnsNote(pairable: number): string {
  return `Only ${pairable} turn${pairable === 1 ? "" : "s"} compared; under ${MIN_UNITS} the number moves a lot with each code — read the CI.`;
}

function noteTexts(result: AgreementResultData | undefined, info: VariableInfoData | undefined, subject: NoteSubject, id: StatisticId): AgreementNote[] {
  if (!result) return [];
  const notes: AgreementNote[] = [];
  const chosen = readStatistic(result, id);
  const pairable = result.n_pairable_units;

  if (pairable === 0) return [{ kind: "nothing", text: "No turn has been looked at by two coders yet, so there is nothing to compare." }];

  if (chosen.value === null) {
    const only = info ? Object.entries(info.prevalence).find(([, share]) => share >= 0.999) : undefined;
    if (only) {
      const nobody = only[0] === "none" || only[0] === "0";
      notes.push({
        kind: "undefined",
        text: nobody
          ? `Nobody has coded ${subject.label} on these turns yet, so ${chosen.symbol} is not defined (nothing varies to correct for chance).`
          : `Every coder gave the same value on every turn, so ${chosen.symbol} is not defined (nothing varies to correct for chance).`,
      });
    } else if (chosen.key === "fleiss_kappa") {
      notes.push({ kind: "undefined", text: "Fleiss' κ needs every coder on every turn; some turns were not looked at by everyone. Krippendorff's α handles the gaps." });
    } else {
      notes.push({ kind: "undefined", text: `${chosen.symbol} is not defined for these data.` });
    }
  }

  if (info) {
    const [category, share] = Object.entries(info.prevalence).reduce<[string, number]>((best, entry) => (entry[1] > best[1] ? entry : best), ["", 0]);
    if (share > DOMINANT_SHARE && share < 0.999) {
      const phrase = dominantPhrase(subject, category, share);
      const ac1 = readStatistic(result, "ac1").value;
      const alpha = readStatistic(result, "alpha").value;
      if (chosen.chanceCorrected && chosen.key !== "gwet_ac1" && chosen.value !== null && ac1 !== null && ac1 - chosen.value >= 0.2) {
        notes.push({ kind: "dominant", text: `${phrase}; AC1 ${formatCoefficient(ac1)} is more telling here than ${chosen.symbol} ${formatCoefficient(chosen.value)}.` });
      } else if (chosen.key === "gwet_ac1" && chosen.value !== null && alpha !== null && chosen.value - alpha >= 0.2) {
        notes.push({ kind: "dominant", text: `${phrase}; AC1 stays high while α reads ${formatCoefficient(alpha)} — the rare codes are where coders differ.` });
      } else if (chosen.key === "po" && chosen.value !== null) {
        notes.push({ kind: "dominant", text: `${phrase}; percent agreement is inflated by agreeing on the common value${alpha !== null ? ` — α is ${formatCoefficient(alpha)}` : ""}.` });
      }
      // Otherwise α/κ and AC1 tell the same story: the common value does not mislead here, so no ⚠.
    }
  }

  if (pairable < MIN_UNITS) {
    notes.push({ kind: "few", text: fewTurnsNote(pairable) });
  }
  return notes;
}
