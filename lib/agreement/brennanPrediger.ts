/**
 * Brennan & Prediger (1981) — Bennett, Alpert & Goldstein's S for two coders — takes chance
 * agreement as uniform over the q possible categories: (p_a − 1/q) / (1 − 1/q). q is the size of
 * the declared category set when there is one, so unused categories lower chance agreement, as in
 * Gwet (2014, Handbook of Inter-Rater Reliability, 4th ed., ch. 5, multiple raters with missing
 * ratings, where p_a is the observed agreement over units rated at least twice).
 */
export function brennanPrediger(po: number | undefined, q: number): number | undefined {
  if (po === undefined || q < 2) return undefined;
  const pe = 1 / q;
  return (po - pe) / (1 - pe);
}
