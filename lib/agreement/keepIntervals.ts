import type { AgreementView } from "./runSchema";

/**
 * A pushed live summary carries intervals only when the collaboration server judges its stored run current;
 * after a restart it may leave them off although nothing changed, and a final, revealed exercise then
 * reads "no CI" beside a legend that promises whiskers. This keeps the intervals a page already had for a
 * variable when the new view is of the same run and every point estimate and n of that variable is
 * unchanged: the same data, so the same bootstrap interval. Any changed number drops them, as it should.
 * Pure.
 */

const COMPARED = ["n_units", "n_coders", "n_pairable_units", "po", "cohen_kappa", "fleiss_kappa", "krippendorff_alpha", "gwet_ac1", "brennan_prediger", "scott_pi"] as const;

function sameNumbers(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return COMPARED.every((key) => {
    const x = a[key];
    const y = b[key];
    if (typeof x === "number" && typeof y === "number") return Math.abs(x - y) <= 1e-12;
    return (x ?? null) === (y ?? null);
  });
}

export function keepIntervals(next: AgreementView, previous: AgreementView | null): AgreementView {
  if (!previous || previous.runId !== next.runId) return next;
  let changed = false;
  const variables: AgreementView["variables"] = {};
  for (const [name, result] of Object.entries(next.variables)) {
    const before = previous.variables[name];
    if (!result.ci && before?.ci && sameNumbers(result, before)) {
      variables[name] = { ...result, ci: before.ci };
      changed = true;
    } else {
      variables[name] = result;
    }
  }
  return changed ? { ...next, variables } : next;
}
