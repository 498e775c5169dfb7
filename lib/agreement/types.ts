/**
 * Shared vocabulary of the agreement library. The JSON shapes mirror CONTRACTS §6 so the CLI, the
 * server worker and the tests all speak the same language.
 */

/** A code a coder can give. Numbers and strings are never mixed within one variable. */
export type Category = string | number;

/** Krippendorff's levels of measurement; they choose the distance used by α. */
export type Level = "nominal" | "ordinal" | "interval" | "ratio";

export const LEVELS: readonly Level[] = ["nominal", "ordinal", "interval", "ratio"];

/** A K×K matrix stored row-major, so hot loops index one flat typed array. */
export interface SquareMatrix {
  readonly size: number;
  readonly data: Float64Array;
}

export function squareMatrix(rows: readonly (readonly number[])[]): SquareMatrix {
  const size = rows.length;
  const data = new Float64Array(size * size);
  rows.forEach((row, i) => {
    if (row.length !== size) throw new RangeError(`matrix row ${i} has ${row.length} entries, expected ${size}`);
    row.forEach((v, j) => {
      data[i * size + j] = v;
    });
  });
  return { size, data };
}

export interface BootstrapOptions {
  readonly replicates: number;
  readonly seed: number;
}

/** Input for coded units (CONTRACTS §6). */
export interface AgreementInput {
  readonly level: Level;
  readonly categories?: readonly Category[] | undefined;
  /** Disagreement matrix over `categories` (0 on the diagonal). */
  readonly weights?: readonly (readonly number[])[] | undefined;
  /** coder → one value (or null = not coded) per unit; all arrays have the same length. */
  readonly data: Readonly<Record<string, readonly (Category | null)[]>>;
  readonly bootstrap?: BootstrapOptions | undefined;
}

/** The scalar statistics that can carry a bootstrap interval. */
export type ScalarStatistic =
  | "po"
  | "cohen_kappa"
  | "cohen_kappa_linear"
  | "cohen_kappa_quadratic"
  | "cohen_kappa_weighted"
  | "scott_pi"
  | "fleiss_kappa"
  | "krippendorff_alpha"
  | "gwet_ac1"
  | "brennan_prediger"
  | "pabak";

/** Output for coded units (CONTRACTS §6). A key is absent where the statistic is undefined. */
export interface AgreementResult {
  n_units: number;
  n_coders: number;
  n_pairable_units: number;
  po?: number;
  cohen_kappa?: number;
  cohen_kappa_linear?: number;
  cohen_kappa_quadratic?: number;
  cohen_kappa_weighted?: number;
  scott_pi?: number;
  fleiss_kappa?: number;
  /** null where κ_j is undefined for that category (never used, or used for every value). */
  fleiss_kappa_by_category?: Record<string, number | null>;
  krippendorff_alpha?: number;
  gwet_ac1?: number;
  brennan_prediger?: number;
  pabak?: number;
  ci?: Partial<Record<ScalarStatistic, [number, number]>>;
  warnings: string[];
}

/** One unitized span: where it begins on the continuum, how long it is, and its category. */
export type Span = readonly [begin: number, length: number, category: Category];

/** Input for spans on a continuum (CONTRACTS §6). */
export interface UnitizingInput {
  readonly unitizing: {
    readonly begin: number;
    readonly length: number;
    readonly data: Readonly<Record<string, readonly Span[]>>;
  };
}

export interface UnitizingResult {
  n_coders: number;
  n_spans: number;
  krippendorff_unitizing_alpha?: number;
  /** null where u-α is undefined for that category. */
  krippendorff_unitizing_alpha_by_category: Record<string, number | null>;
  warnings: string[];
}
