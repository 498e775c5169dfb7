import { ALL_TURNS_DEFINITION, type AgreementResultRow, type AgreementRunOutput, type StoredRun } from "../agreement/runSchema";
import { csvDocument, type CsvValue } from "./csv";
import type { ExportData } from "./types";

/**
 * The stored agreement run as files. Nothing is recomputed here: the export says exactly what the
 * agreement page says, for the run it names (run id and time in every row).
 */

/** A stored run (lib/agreement/runSchema): its id, time, trigger and output as stored. */
export type AgreementRunForExport = Pick<StoredRun, "id" | "computedAt" | "trigger"> & { output: AgreementRunOutput };

/** A result row as read back from agreement_results, whose jsonb columns the driver types as unknown. */
export type AgreementRowForExport = Omit<AgreementResultRow, "prevalence" | "warnings"> & { prevalence: unknown; warnings: unknown };

export const AGREEMENT_COLUMNS = [
  "exercise",
  "run_id",
  "computed_at",
  "variable",
  "coder_a_id",
  "coder_a",
  "coder_b_id",
  "coder_b",
  "statistic",
  "value",
  "ci_low",
  "ci_high",
  "n_units",
  "n_coders",
  "prevalence",
  "warnings",
  "unit_definition",
] as const;

type Exercise = Pick<ExportData["exercise"], "id" | "title" | "mode" | "state">;

/** The run's sentence saying what a unit is (runs before the unit setting had every turn as a unit). */
function runUnitDefinition(run: AgreementRunForExport): string {
  return run.output.unitDefinition ?? ALL_TURNS_DEFINITION;
}

function warningsText(warnings: unknown): string | null {
  if (!Array.isArray(warnings) || warnings.length === 0) return null;
  return warnings.map(String).join(" | ");
}

/**
 * The block a person reads before the rows ("# " lines): which exercise and run, the cohort's headline
 * statistic and what it reads for the exercise and for each trainee against the key (the numbers the
 * agreement page, the progress page and the group review lead with), what a unit is, and how to load
 * the file. Without a headline (a caller that has none) the block still names the run and the units.
 */
export function agreementHeaderLines(exercise: Exercise, run: AgreementRunForExport, headline?: HeadlineSummaryForExport): string[] {
  const lines = [
    `Coflex agreement export: "${exercise.title}" (exercise ${exercise.id}, ${exercise.mode}, ${exercise.state})`,
    `Run ${run.id}, computed ${run.computedAt.toISOString()}, ${run.output.coders.length} coders compared`,
  ];
  if (headline) {
    lines.push(`Headline statistic (the cohort's setting): ${headline.name}, on the variable "${headline.variable}" (each turn's whole code set)`);
    lines.push(`Exercise headline, all compared coders: ${headline.exercise.sentence}`);
    for (const row of headline.vsKey) lines.push(`Against the key, ${row.coder ?? row.coderId}: ${row.sentence}`);
  }
  lines.push(`Units: ${runUnitDefinition(run)}`);
  lines.push('Rows: one per variable x coder pair x statistic; empty coder columns = over all compared coders. Read with pandas.read_csv(f, comment="#"), readr::read_csv(f, comment = "#") or read.csv(f, comment.char = "#", fileEncoding = "UTF-8-BOM").');
  return lines;
}

/**
 * Rows with coder_a/coder_b empty are over all compared coders; a pair row compares two coders (with the
 * key coder, it is that trainee's score against the key). `spans` rows are unitizing α over highlighted
 * characters. The header block (agreementHeaderLines) comes first as "# " comment lines.
 */
export function agreementCsv(exercise: Exercise, coderNames: ReadonlyMap<string, string>, run: AgreementRunForExport, rows: readonly AgreementRowForExport[], headline?: HeadlineSummaryForExport): string {
  const computedAt = run.computedAt.toISOString();
  const unitDefinition = runUnitDefinition(run);
  const name = (id: string | null): string | null => (id === null ? null : (coderNames.get(id) ?? null));
  const out: CsvValue[][] = rows.map((row) => [
    exercise.id,
    run.id,
    computedAt,
    row.variable,
    row.coderA,
    name(row.coderA),
    row.coderB,
    name(row.coderB),
    row.statistic,
    row.value,
    row.ciLow,
    row.ciHigh,
    row.nUnits,
    row.nCoders,
    row.prevalence === null || row.prevalence === undefined ? null : JSON.stringify(row.prevalence),
    warningsText(row.warnings),
    unitDefinition,
  ]);
  return csvDocument(AGREEMENT_COLUMNS, out, { comments: agreementHeaderLines(exercise, run, headline) });
}

/** One headline reading in an export: the value as computed, and as printed with its band. */
export interface HeadlineForExport {
  value: number | null;
  ci: readonly [number, number] | null;
  text: string;
  band: string | null;
  nUnits: number;
  /** The reading in one line, as the pages print it: "Krippendorff's α 0.57 [0.41, 0.70], tentative — Krippendorff, 26 turns". */
  sentence: string;
}

/**
 * The export's summary on the cohort's headline statistic (lib/domain/headline): the exercise's pooled
 * value over all coders and each coder's pooled value against the key — the numbers the pages lead with.
 */
export interface HeadlineSummaryForExport {
  statistic: string;
  name: string;
  bands: string;
  variable: string;
  exercise: HeadlineForExport;
  vsKey: Array<{ coderId: string; coder: string | null } & HeadlineForExport>;
}

export function agreementJson(
  exercise: Exercise,
  coderNames: ReadonlyMap<string, string>,
  run: AgreementRunForExport,
  meta: { exportedAt: Date; exportedBy: { id: string; name: string }; headline?: HeadlineSummaryForExport },
): string {
  const body = {
    format: "coflex.agreement",
    version: 1,
    exportedAt: meta.exportedAt.toISOString(),
    exportedBy: meta.exportedBy,
    exercise,
    runId: run.id,
    computedAt: run.computedAt.toISOString(),
    trigger: run.trigger,
    unitDefinition: runUnitDefinition(run),
    coders: [...coderNames].map(([id, name]) => ({ id, name })),
    ...(meta.headline ? { headline: meta.headline } : {}),
    output: run.output,
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
