import { bandFor, bandScheme, formatInterval } from "@/lib/domain/bands";
import {
  CURVE_STATISTICS,
  type CriterionOutcome,
  type CurvePoint,
  type CurveStatistic,
  type ProgressExercise,
  formatAgainst,
  meets,
  formatCriterion,
} from "@/lib/domain/learningCurve";

/** Words for the progress page: every number with its name, CI, n and band (UX "Numbers people trust"). */

const DAY = 86_400_000;

export function formatDay(iso: string): string {
  return new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

export function shortDay(iso: string): string {
  return new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
}

export function criterionText(statistic: CurveStatistic, criterion: number): string {
  return `${CURVE_STATISTICS[statistic].symbol} ≥ ${formatCriterion(criterion)}`;
}

export function bandText(value: number | null, statistic: CurveStatistic, bands: string): string {
  if (!CURVE_STATISTICS[statistic].chanceCorrected) return value === null ? "not defined" : "no bands for percent agreement";
  const scheme = bandScheme(bands);
  const place = bandFor(value, scheme);
  return place ? `${place.band.name} — ${scheme.name}` : "not defined";
}

/** "Cohen's κ 0.78, 95% CI [0.55, 0.93], 38 turns — substantial (Landis & Koch)". */
export function readingText(point: CurvePoint, statistic: CurveStatistic, criterion: number, bands: string): string {
  const info = CURVE_STATISTICS[statistic];
  if (point.missing === "not_compared") return "did not code this exercise (no turn reviewed or coded), so there is no score";
  if (point.value === null) return `${info.name} not defined: neither the trainee nor the key used this code on the ${point.nUnits} turns both looked at`;
  const scheme = bandScheme(bands);
  const place = info.chanceCorrected ? bandFor(point.value, scheme) : null;
  return `${info.name} ${formatAgainst(point.value, criterion)}, 95% CI ${formatInterval(point.ci)}, ${point.nUnits} turns${place ? ` — ${place.band.name} (${scheme.name})` : ""}`;
}

export function pointTitle(point: CurvePoint, exercise: ProgressExercise | undefined, statistic: CurveStatistic, criterion: number, bands: string, who?: string): string {
  const head = `${who ? `${who} — ` : ""}#${point.position} ${exercise?.title ?? ""} (${exercise ? formatDay(exercise.setAt) : ""})`;
  const side = point.value === null ? "" : meets(point.value, criterion) ? `. At or above the criterion ${formatCriterion(criterion)}.` : `. Below the criterion ${formatCriterion(criterion)}.`;
  const warn = point.warnings.length > 0 ? ` ⚠ ${point.warnings.join(" ")}` : "";
  return `${head}: ${readingText(point, statistic, criterion, bands)}${side}${warn}`;
}

function daysBetween(a: string, b: string): number {
  return Math.round((new Date(b).getTime() - new Date(a).getTime()) / DAY);
}

/** "Reached at #3 — after 3 exercises, 14 days" | "Not yet" | "Not yet — met at #1, below since" | "No score yet". */
export function reachedText(outcome: CriterionOutcome, exercises: readonly ProgressExercise[], firstPosition: number | null): string {
  const at = (p: number) => exercises.find((e) => e.position === p);
  switch (outcome.status) {
    case "no_data":
      return "No score yet";
    case "not_yet":
      return "Not yet";
    case "drift":
      return `Not now — met at #${outcome.firstMetAt}`;
    case "reached": {
      const reached = at(outcome.reachedAt!);
      const first = firstPosition !== null ? at(firstPosition) : undefined;
      const n = outcome.exercisesToReach!;
      const days = reached && first ? daysBetween(first.setAt, reached.setAt) : null;
      return `Reached at #${outcome.reachedAt} — after ${n} exercise${n === 1 ? "" : "s"}${days !== null && days > 0 ? `, ${days} day${days === 1 ? "" : "s"}` : ""}`;
    }
  }
}

/** The same as reachedText in two parts, for a table cell: "Reached at #3" / "after 3 exercises, 14 days". */
export function reachedParts(outcome: CriterionOutcome, exercises: readonly ProgressExercise[], firstPosition: number | null): { head: string; detail: string } {
  const text = reachedText(outcome, exercises, firstPosition);
  const [head, detail] = text.split(" — ");
  return { head: head!, detail: detail ?? "" };
}

/**
 * text: "Drift: below at #5 after meeting the criterion at #3" | "Dipped at #2, recovered" | "—";
 * short (a table cell under the heading "Drift"): "Below at #5 (met at #3)".
 */
export function driftText(outcome: CriterionOutcome): { flag: boolean; text: string; short: string } {
  if (outcome.status === "drift") {
    return { flag: true, text: `Drift: below at #${outcome.driftAt} after meeting the criterion at #${outcome.firstMetAt}`, short: `Below at #${outcome.driftAt} (met at #${outcome.firstMetAt})` };
  }
  if (outcome.dips.length > 0) {
    const text = `Dipped at ${outcome.dips.map((d) => `#${d}`).join(", ")}, recovered`;
    return { flag: false, text, short: text };
  }
  return { flag: false, text: "—", short: "—" };
}
