/**
 * Prevalence- and bias-adjusted kappa (Byrt, Bishop & Carlin 1993) for two coders and two
 * categories: 2·p_o − 1. It equals Brennan–Prediger with q = 2; it is reported separately because
 * reviewers of the kappa paradox look for it by name.
 */
export function pabak(po: number | undefined): number | undefined {
  return po === undefined ? undefined : 2 * po - 1;
}
