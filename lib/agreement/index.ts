/**
 * Public surface of the agreement library: pure math, no IO. `computeAgreement` and
 * `computeUnitizing` produce the CONTRACTS §6 output; the building blocks are exported for the
 * server's per-dimension and per-pair views and for tests against published values.
 */
export { computeAgreement, SCALAR_STATISTICS } from "./computeAgreement";
export { computeUnitizing } from "./computeUnitizing";
export {
  agreementInputSchema,
  unitizingInputSchema,
  parseAgreementRequest,
  formatIssues,
  MAX_CATEGORIES,
  type ParsedRequest,
} from "./schema";
export type {
  AgreementInput,
  AgreementResult,
  BootstrapOptions,
  Category,
  Level,
  ScalarStatistic,
  Span,
  SquareMatrix,
  UnitizingInput,
  UnitizingResult,
} from "./types";
export { LEVELS, squareMatrix } from "./types";
export { compareCategories, inferCategories, resolveCategories, categoryKey } from "./categories";
export { buildReliabilityData, hasMissingValues, MISSING, type ReliabilityData } from "./reliabilityData";
export { countUnits, unitCountsFromTable, type UnitCounts } from "./unitCounts";
export { FeatureTable, evaluateStatistic, type AdditiveStatistic, type FeatureSink, type UnitFeatures } from "./featureTable";
export { observedAgreement, observedAgreementStatistic, type ObservedAgreement } from "./observed";
export { alphaDistance, ordinalDistanceMatrix, ratioDistanceMatrix, type AlphaDistance } from "./distance";
export { krippendorffAlpha, krippendorffAlphaStatistic } from "./krippendorff";
export { contingencyTable, contingencyTableStatistic } from "./contingencyTable";
export { cohenKappa, weightedKappa, nominalDisagreement, linearDisagreement, quadraticDisagreement } from "./cohen";
export { scottPi } from "./scott";
export { fleissKappa, fleissKappaStatistic, type FleissKappa } from "./fleiss";
export { gwetAc1, gwetAc1Statistic } from "./gwet";
export { brennanPrediger } from "./brennanPrediger";
export { pabak } from "./pabak";
export { mulberry32 } from "./random";
export { bootstrapIntervals, quantile, MIN_DEFINED_SHARE, type BootstrapSettings, type BootstrapOutcome } from "./bootstrap";
export { agreementWarnings, MIN_UNITS, DOMINANT_SHARE, HIGH_AGREEMENT, LOW_COEFFICIENT } from "./diagnostics";
export {
  krippendorffUnitizingAlpha,
  segmentsFor,
  segmentDistance,
  observedUnitizingDisagreement,
  expectedUnitizingDisagreement,
  type Continuum,
  type Segment,
  type UnitizingAlpha,
  type CategoryUnitizing,
} from "./unitizing";
export { LiveVariable, type LiveCategories, type LiveVariableSpec } from "./liveVariable";
export { agreementStatistics, agreementResultOf, type AgreementShape, type AgreementStatistics } from "./computeAgreement";
export { warningFacts, warningsFromFacts, type WarningFacts } from "./diagnostics";
