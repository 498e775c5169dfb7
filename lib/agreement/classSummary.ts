import { condenseCoderWarnings } from "./diagnostics";
import type { AgreementView } from "./runSchema";

/**
 * An agreement view as a class receives it (from COHORT_VIEW_MIN_CODERS compared coders: the class page,
 * the pushed summary and GET /api/exercises/:id/agreement): no pairs — n² of them, detail loads per pair
 * through the detail API — and each variable's per-coder notes counted instead of listed
 * (condenseCoderWarnings). The agreement-json export keeps both.
 */
export function classSummary(view: AgreementView): AgreementView {
  const variables: AgreementView["variables"] = {};
  for (const [name, result] of Object.entries(view.variables)) variables[name] = { ...result, warnings: condenseCoderWarnings(result.warnings) };
  return { ...view, pairs: [], variables };
}
