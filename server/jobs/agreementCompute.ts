import { createHash } from "node:crypto";
import * as Y from "yjs";
import { SCALAR_STATISTICS, computeAgreement, computeUnitizing, type AgreementResult, type BootstrapOptions } from "../../lib/agreement";
import {
  AGREEMENT_ENGINE_VERSION,
  type AgreementRunOutput,
  type AgreementSettings,
  type NewRunRow,
  type PairSummary,
  type VariableInfo,
  type VariableKind,
  PAIR_SUMMARY_STATISTICS,
} from "../../lib/db/queries/agreement";
import type { RoomLog } from "../../lib/db/queries/yjsLog";
import { readLayer } from "../../lib/domain/layerDoc";
import { buildFadSpans, placeCodes, turnExtents, type FadSpanData } from "../../lib/domain/fadSpans";
import { POOLED_VARIABLE, activeCoders, buildFadUnits, fadVariables, selectCoders, type FadUnitData } from "../../lib/domain/fadUnits";
import { agreementUnits, type UnitScope } from "../../lib/domain/agreementUnits";
import { readTurns } from "../../lib/domain/transcriptDoc";

/**
 * Everything the agreement worker does, as plain functions (tested without a thread): rebuild the
 * documents from their stored logs, turn layers into units and spans, fingerprint that, and compute
 * every variable for all coders, per pair and against the key.
 */

/** The variable kinds a large cohort's pair summaries cover (see AgreementSettings.pairDetailMaxCoders). */
const SUMMARY_KINDS: readonly VariableKind[] = ["dimension", "pooled"];

export interface AgreementSource {
  coderIds: readonly string[];
  keyCoderId: string | null;
  /** Which turns are units (the exercise's setting; lib/domain/agreementUnits). */
  unitScope: UnitScope;
  transcript: RoomLog;
  layers: Readonly<Record<string, RoomLog>>;
}

export interface PreparedAgreement {
  fingerprint: string;
  units: FadUnitData;
  spans: FadSpanData;
  coders: string[];
  idleCoders: string[];
  keyCoderId: string | null;
  warnings: string[];
  settings: AgreementSettings;
  unitScope: UnitScope;
  unitDefinition: string;
}

export interface ComputedAgreement {
  output: AgreementRunOutput;
  rows: NewRunRow[];
}

function docFromLog(log: RoomLog | undefined): Y.Doc {
  // gc off, as the collaboration server keeps it: relative positions may point at deleted items.
  const doc = new Y.Doc({ gc: false });
  if (!log) return doc;
  doc.transact(() => {
    if (log.snapshot) Y.applyUpdate(doc, log.snapshot);
    for (const row of log.updates) Y.applyUpdate(doc, row.update);
  });
  return doc;
}

export function prepareAgreement(source: AgreementSource, settings: AgreementSettings): PreparedAgreement {
  const txDoc = docFromLog(source.transcript);
  try {
    const unitsOfExercise = agreementUnits(readTurns(txDoc), source.unitScope);
    const turnIds = unitsOfExercise.turnIds;
    const unitSet = new Set(turnIds);
    // The span view's continuum is the units' text too: highlights on therapist turns are not units either.
    const extents = turnExtents(txDoc).filter((t) => unitSet.has(t.turnId));
    const coderIds = [...new Set(source.coderIds)].sort();
    const warnings: string[] = [];
    const layers = coderIds.map((coderId) => {
      const doc = docFromLog(source.layers[coderId]);
      try {
        const layer = readLayer(doc);
        if (layer.invalid > 0) warnings.push(`Coder ${coderId}: ${layer.invalid} malformed code entr${layer.invalid === 1 ? "y was" : "ies were"} ignored.`);
        return { coderId, codes: layer.codes, reviewed: layer.reviewed, placed: placeCodes(txDoc, layer.codes) };
      } finally {
        doc.destroy();
      }
    });
    const all = buildFadUnits(turnIds, layers, unitsOfExercise.otherTurnIds);
    const coders = activeCoders(all);
    const idleCoders = coderIds.filter((c) => !coders.includes(c));
    const units = selectCoders(all, coders);
    for (const coder of coders) {
      const stray = units.strayCodes[coder] ?? 0;
      if (stray > 0) warnings.push(`Coder ${coder}: ${stray} code${stray === 1 ? "" : "s"} on turns the transcript no longer has ${stray === 1 ? "was" : "were"} ignored.`);
      const offUnit = units.offUnitCodes[coder] ?? 0;
      if (offUnit > 0) warnings.push(`Coder ${coder}: ${offUnit} code${offUnit === 1 ? "" : "s"} on turns that are not units (${unitsOfExercise.effectiveScope === "client_turns" ? "therapist or other speakers' turns" : "other turns"}) ${offUnit === 1 ? "is" : "are"} left out of agreement.`);
    }
    if (idleCoders.length > 0) warnings.push(`${idleCoders.length} coder${idleCoders.length === 1 ? " has" : "s have"} not reviewed or coded any turn yet and ${idleCoders.length === 1 ? "is" : "are"} not compared.`);
    if (coders.length < 2) warnings.push("Fewer than two coders have reviewed or coded a turn, so there is no agreement to compute yet.");
    const spans = buildFadSpans(
      extents,
      layers.filter((l) => coders.includes(l.coderId)).map((l) => ({ coderId: l.coderId, codes: l.placed, reviewed: l.reviewed })),
    );
    for (const coder of coders) {
      const lost = spans.orphaned[coder] ?? 0;
      if (lost > 0) warnings.push(`Coder ${coder}: ${lost} code${lost === 1 ? "" : "s"} whose text was deleted or moved ${lost === 1 ? "is" : "are"} left out of the span view.`);
    }
    const keyCoderId = source.keyCoderId !== null && coders.includes(source.keyCoderId) ? source.keyCoderId : null;
    const unitScope = unitsOfExercise.effectiveScope;
    const unitDefinition = unitsOfExercise.definition;
    const fingerprint = fingerprintOf({ units, spans, coders, idleCoders, keyCoderId, warnings, settings, unitScope, unitDefinition });
    return { fingerprint, units, spans, coders, idleCoders, keyCoderId, warnings, settings, unitScope, unitDefinition };
  } finally {
    txDoc.destroy();
  }
}

/** sha256 of the canonical unit data, spans and settings: equal fingerprints give equal outputs. */
export function fingerprintOf(p: Omit<PreparedAgreement, "fingerprint">): string {
  const canonical = {
    engine: AGREEMENT_ENGINE_VERSION,
    settings: p.settings,
    units: p.units.units,
    unitScope: p.unitScope,
    unitDefinition: p.unitDefinition,
    coders: p.coders,
    idle: p.idleCoders,
    key: p.keyCoderId,
    // Masks are the code sets exactly (−1 = missing); their bit layout is fixed by FAD_CODES' order.
    values: p.coders.map((c) => Array.from(p.units.masks[c]!)),
    spans: p.spans.input,
    warnings: p.warnings,
  };
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}

function computeVariables(
  units: FadUnitData,
  bootstrapFor: (kind: VariableKind) => BootstrapOptions | undefined,
  kinds?: readonly VariableKind[],
): { results: Record<string, AgreementResult>; info: Record<string, VariableInfo> } {
  const results: Record<string, AgreementResult> = {};
  const info: Record<string, VariableInfo> = {};
  for (const v of fadVariables(units, kinds)) {
    const bootstrap = bootstrapFor(v.kind);
    results[v.name] = computeAgreement({ ...v.input, ...(bootstrap ? { bootstrap } : {}) });
    info[v.name] = { kind: v.kind, categories: [...(v.input.categories ?? [])], prevalence: v.prevalence };
  }
  return { results, info };
}

function summarize(result: AgreementResult): PairSummary {
  const summary: PairSummary = { n_units: result.n_units, n_coders: result.n_coders, n_pairable_units: result.n_pairable_units };
  for (const key of PAIR_SUMMARY_STATISTICS) if (result[key] !== undefined) summary[key] = result[key];
  return summary;
}

function flatten(
  rows: NewRunRow[],
  variable: string,
  coderA: string | null,
  coderB: string | null,
  result: AgreementResult,
  prevalence: Record<string, number> | null,
): void {
  const warnings = result.warnings.length > 0 ? result.warnings : null;
  for (const statistic of SCALAR_STATISTICS) {
    const value = result[statistic];
    if (value === undefined) continue;
    const ci = result.ci?.[statistic];
    rows.push({
      variable,
      coderA,
      coderB,
      statistic,
      value,
      ciLow: ci ? ci[0] : null,
      ciHigh: ci ? ci[1] : null,
      nUnits: result.n_pairable_units,
      nCoders: result.n_coders,
      prevalence,
      warnings,
    });
  }
}

export function computePrepared(prepared: PreparedAgreement): ComputedAgreement {
  const { units, coders, keyCoderId, settings } = prepared;
  const rows: NewRunRow[] = [];
  const output: AgreementRunOutput = {
    engine: AGREEMENT_ENGINE_VERSION,
    settings,
    nUnits: units.units.length,
    unitScope: prepared.unitScope,
    unitDefinition: prepared.unitDefinition,
    coders,
    idleCoders: prepared.idleCoders,
    keyCoderId,
    variables: {},
    variableInfo: {},
    unitizing: null,
    pairs: [],
    vsKey: [],
    warnings: [...prepared.warnings],
    unitMasks: { units: [...units.units], masks: Object.fromEntries(coders.map((c) => [c, Array.from(units.masks[c] ?? [])])) },
  };
  if (coders.length < 2) return { output, rows };

  const overall = computeVariables(units, () => settings.bootstrap);
  output.variables = overall.results;
  output.variableInfo = overall.info;
  if (!(POOLED_VARIABLE in overall.results)) output.warnings.push("The coders used too many different code combinations for the pooled variable; see the per-code and per-dimension variables.");
  for (const [name, result] of Object.entries(overall.results)) flatten(rows, name, null, null, result, overall.info[name]!.prevalence);

  if (prepared.spans.input) {
    const u = computeUnitizing(prepared.spans.input);
    output.unitizing = { ...u, continuumLength: prepared.spans.input.unitizing.length, nTurns: prepared.spans.turnIds.length };
    const base = { coderA: null, coderB: null, ciLow: null, ciHigh: null, nUnits: prepared.spans.turnIds.length, nCoders: u.n_coders, prevalence: null };
    rows.push({ ...base, variable: "spans", statistic: "krippendorff_unitizing_alpha", value: u.krippendorff_unitizing_alpha ?? null, warnings: u.warnings.length > 0 ? u.warnings : null });
    for (const [category, alpha] of Object.entries(u.krippendorff_unitizing_alpha_by_category)) {
      rows.push({ ...base, variable: `spans:${category}`, statistic: "krippendorff_unitizing_alpha", value: alpha, warnings: null });
    }
  }

  const allPairCis = coders.length <= settings.pairCiMaxCoders;
  const detailed = coders.length <= settings.pairDetailMaxCoders;
  for (let a = 0; a < coders.length; a++) {
    for (let b = a + 1; b < coders.length; b++) {
      const coderA = coders[a]!;
      const coderB = coders[b]!;
      const withKey = keyCoderId !== null && (coderA === keyCoderId || coderB === keyCoderId);
      const pairUnits = selectCoders(units, [coderA, coderB]);
      if (!detailed && !withKey) {
        const pair = computeVariables(pairUnits, () => undefined, SUMMARY_KINDS);
        const variables: Record<string, PairSummary> = {};
        for (const [name, result] of Object.entries(pair.results)) variables[name] = summarize(result);
        output.pairs.push({ coderA, coderB, detail: "summary", variables });
        continue;
      }
      // With two coders the only pair is the whole data set: same input, same result.
      const pair =
        coders.length === 2
          ? overall
          : computeVariables(pairUnits, (kind) => (allPairCis || (withKey && settings.keyCiKinds.includes(kind)) ? settings.bootstrap : undefined));
      output.pairs.push({ coderA, coderB, detail: "full", variables: pair.results });
      for (const [name, result] of Object.entries(pair.results)) flatten(rows, name, coderA, coderB, result, pair.info[name]!.prevalence);
      if (withKey) {
        const coder = coderA === keyCoderId ? coderB : coderA;
        output.vsKey.push({ coder, key: keyCoderId });
      }
    }
  }
  return { output, rows };
}

/**
 * Runs a small synthetic computation so the JIT has compiled the hot paths before the first real run
 * (a cold first run is several times slower). The worker calls it once when it starts.
 */
export function warmUp(settings: AgreementSettings): void {
  const turnIds = Array.from({ length: 40 }, (_, i) => `w${i}`);
  const layer = (coderId: string, shift: number) => ({
    coderId,
    reviewed: turnIds,
    codes: turnIds.flatMap((turnId, i) =>
      (i + shift) % 3 === 0 ? [{ turnId, dimension: "self" as const, polarity: (i % 2 ? "flexible" : "inflexible") as "flexible" | "inflexible" }] : [],
    ),
  });
  const units = buildFadUnits(turnIds, [layer("a", 0), layer("b", 0), layer("c", 1)]);
  computePrepared({
    fingerprint: "warm-up",
    units,
    spans: buildFadSpans(
      turnIds.map((turnId) => ({ turnId, length: 20 })),
      ["a", "b", "c"].map((coderId) => ({ coderId, reviewed: turnIds, codes: [] })),
    ),
    coders: units.coders,
    idleCoders: [],
    keyCoderId: "a",
    warnings: [],
    unitScope: "all_turns",
    unitDefinition: "warm-up",
    settings: { ...settings, bootstrap: { ...settings.bootstrap, replicates: Math.min(settings.bootstrap.replicates, 200) } },
  });
}
