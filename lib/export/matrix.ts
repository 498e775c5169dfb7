import type { Category } from "../agreement";
import { agreementUnits } from "../domain/agreementUnits";
import { buildFadUnits, fadVariables, FAD_VARIABLE_NAMES } from "../domain/fadUnits";
import { csvDocument, type CsvValue } from "./csv";
import type { ExportData } from "./types";

/**
 * The reliability data of one FAD variable as a units × coders matrix: one row per unit of agreement
 * (a client turn by default, every turn with the exercise's all-turns setting — lib/domain/agreementUnits,
 * as the stored runs), one column per coder, the coder's value for that turn or NA where the coder has not
 * looked at the turn (neither reviewed nor coded it — lib/domain/fadUnits, the same rule the stored
 * agreement runs use). Load it, drop the two id columns, and transpose for R's
 * `irr::kripp.alpha(t(m))` or Python's `krippendorff.alpha(reliability_data=m.T)`.
 *
 * Cells are numbers by default: the index of the value among the variable's declared categories
 * (presence: 0 absent, 1 present; dimension: 0 none, 1 flexible, 2 inflexible, 3 both), because both
 * libraries want numeric data. `values: "labels"` writes the category labels instead (the pooled
 * variable's categories are code-set labels that depend on the data, so read it with labels).
 *
 * The file is ASCII by construction (ids, numbers, labels), so it has no BOM: a BOM would end up in the
 * first column's name in base R's read.csv.
 */

export const MATRIX_VALUE_MODES = ["codes", "labels"] as const;
export type MatrixValueMode = (typeof MATRIX_VALUE_MODES)[number];

export const MATRIX_VARIABLES: readonly string[] = FAD_VARIABLE_NAMES;

export interface MatrixTable {
  variable: string;
  categories: Category[];
  header: string[];
  rows: CsvValue[][];
}

/** Null when the variable is not one the data can produce (unknown name, or pooled above its category cap). */
export function matrixTable(data: ExportData, variable: string, values: MatrixValueMode = "codes"): MatrixTable | null {
  const unitTurns = agreementUnits(data.transcript.turns, data.exercise.unitScope);
  const unitIds = new Set(unitTurns.turnIds);
  const turns = data.transcript.turns.filter((t) => unitIds.has(t.id));
  const layers = data.coders.map((coder) => ({
    coderId: coder.id,
    codes: data.codes.filter((c) => c.coderId === coder.id),
    reviewed: coder.reviewed,
  }));
  const units = buildFadUnits(
    turns.map((t) => t.id),
    layers,
    unitTurns.otherTurnIds,
  );
  const found = fadVariables(units).find((v) => v.name === variable);
  if (!found) return null;
  const categories = [...(found.input.categories ?? [])];
  const cell = (value: Category | null): CsvValue => {
    if (value === null) return null;
    if (values === "labels") return typeof value === "number" ? value : String(value);
    const at = categories.indexOf(value);
    return at >= 0 ? at : null;
  };
  const header = ["unit_id", "turn_index", ...data.coders.map((c) => c.id)];
  const rows = turns.map((turn, u) => [turn.id, turn.index, ...data.coders.map((coder) => cell(found.input.data[coder.id]?.[u] ?? null))]);
  return { variable, categories, header, rows };
}

export function matrixCsv(table: MatrixTable): string {
  return csvDocument(table.header, table.rows, { bom: false, missing: "NA" });
}
