import type { CurrentUser } from "../auth/currentUser";
import { auditExercise, exerciseFor } from "../auth/exerciseAccess";
import { type ExerciseFacts, can } from "../auth/can";
import { roomName, transcriptRoom } from "../collab/roomName";
import type { Db } from "../db/client";
import { agreementRunRows, agreementView, latestAgreementRun } from "../db/queries/agreement";
import { cohortHeadline } from "../db/queries/cohortHeadline";
import { type Headline, HEADLINE_VARIABLE, exerciseHeadline, headlineSentence, headlineSettingText, traineeHeadline } from "../domain/headline";
import { exerciseCodebook } from "../db/queries/codebooks";
import type { ExerciseDetail } from "../db/queries/exercises";
import { getTranscriptMeta } from "../db/queries/transcripts";
import { loadRoomDoc } from "../db/queries/yjsLog";
import { readLayer } from "../domain/layerDoc";
import { AGREEMENT_NOT_AVAILABLE, AppError } from "../errors";
import { type HeadlineForExport, agreementCsv, agreementJson } from "./agreementExport";
import { codesCsv, codesJson } from "./codesTable";
import { collectExportData } from "./collect";
import { exportFileName } from "./fileName";
import { matrixCsv, matrixTable, type MatrixValueMode } from "./matrix";
import { qdpxBytes } from "./qdpxExport";
import type { ExportData, ExportFile, ExportFormat } from "./types";

/**
 * The export route's whole job, without Next: authorize, load, build, audit. Rights follow can() and
 * nothing else. Every format needs exercise.agreement (CONTRACTS §4: "the same visibility as the agreement
 * API"): a blind coder before reveal gets the agreement API's own 404 for csv, json, matrix and qdpx too —
 * one hidden answer on every channel, so nobody can tell from an export whether a run or other layers
 * exist. Behind that, a layer the caller may not open in the editor (layer.read) is never loaded, so it
 * cannot leak into any format. Every export that is handed out writes an audit row
 * "exercise.export:<format>" (a refused one a "denied" row); no content is logged.
 */

export interface ExportOptions {
  /** format=matrix: the FAD variable (e.g. "cognition.inflexible"). */
  variable?: string;
  values?: MatrixValueMode;
  /** The export's timestamp (file name, metadata); defaults to now. */
  now?: Date;
}

const CSV = "text/csv; charset=utf-8; header=present";
const JSON_TYPE = "application/json; charset=utf-8";
const ZIP = "application/zip";

const encoder = new TextEncoder();

async function loadExportData(db: Db, user: CurrentUser, exercise: ExerciseDetail, facts: ExerciseFacts, now: Date): Promise<ExportData> {
  const meta = await getTranscriptMeta(db, exercise.transcriptId);
  if (!meta) throw new AppError("not_found", "This exercise's transcript no longer exists.");
  const visible = exercise.coders.filter((coder) => can(user.subject, "layer.read", { kind: "layer", exercise: facts, coderId: coder.id }));
  const codebook = await exerciseCodebook(db, exercise);
  const layers = [];
  for (const coder of visible) {
    const { doc } = await loadRoomDoc(db, roomName({ kind: "layer", exerciseId: exercise.id, coderId: coder.id }));
    try {
      layers.push({ coder, layer: readLayer(doc) });
    } finally {
      doc.destroy();
    }
  }
  const { doc: txDoc } = await loadRoomDoc(db, transcriptRoom(exercise.transcriptId));
  try {
    return collectExportData({
      exercise: { id: exercise.id, title: exercise.title, mode: exercise.mode, state: exercise.state, codebookVersion: exercise.codebookVersion, keyCoderId: exercise.keyCoderId, unitScope: exercise.unitScope },
      transcript: { id: meta.id, title: meta.title, doc: txDoc },
      layers,
      allLayers: visible.length === exercise.coders.length,
      codebook,
      exportedAt: now,
      exportedBy: { id: user.id, name: user.name },
    });
  } finally {
    txDoc.destroy();
  }
}

export async function buildExport(db: Db, user: CurrentUser, exerciseId: string, format: ExportFormat, options: ExportOptions = {}): Promise<ExportFile> {
  const { exercise, facts } = await exerciseFor(db, user, exerciseId);
  const now = options.now ?? new Date();
  const action = `exercise.export:${format}`;
  let file: ExportFile;

  if (!can(user.subject, "exercise.agreement", { kind: "exercise", exercise: facts })) {
    await auditExercise(db, user, exercise, action, "denied");
    // The agreement API's own 404 (status and body): hidden data looks exactly like missing data.
    throw new AppError("not_found", AGREEMENT_NOT_AVAILABLE);
  }

  if (format === "agreement-csv" || format === "agreement-json") {
    const run = await latestAgreementRun(db, exercise.id);
    if (!run) throw new AppError("not_found", AGREEMENT_NOT_AVAILABLE);
    const coderNames = new Map(exercise.coders.map((c) => [c.id, c.name]));
    const summary = { id: exercise.id, title: exercise.title, mode: exercise.mode, state: exercise.state };
    // The cohort's headline, read as the pages read it: the same numbers, named, in both files' summaries.
    const setting = await cohortHeadline(db, exercise.cohortId);
    const view = agreementView(run, exercise.coders);
    const reading = (h: Headline): HeadlineForExport => ({ value: h.value, ci: h.ci, text: h.text, band: h.band ? h.bandText : null, nUnits: h.nUnits, sentence: headlineSentence(h) });
    const headline = {
      statistic: setting.statistic,
      name: headlineSettingText(setting),
      bands: setting.bands,
      variable: HEADLINE_VARIABLE,
      exercise: reading(exerciseHeadline(setting, view.variables)),
      vsKey: view.vsKey.map((row) => ({ coderId: row.coder, coder: coderNames.get(row.coder) ?? null, ...reading(traineeHeadline(setting, row.variables)) })),
    };
    if (format === "agreement-csv") {
      const rows = await agreementRunRows(db, run.id);
      file = { body: encoder.encode(agreementCsv(summary, coderNames, run, rows, headline)), contentType: CSV, fileName: exportFileName(exercise.title, "agreement", now, "csv") };
    } else {
      const body = agreementJson(summary, coderNames, run, { exportedAt: now, exportedBy: { id: user.id, name: user.name }, headline });
      file = { body: encoder.encode(body), contentType: JSON_TYPE, fileName: exportFileName(exercise.title, "agreement", now, "json") };
    }
  } else {
    const data = await loadExportData(db, user, exercise, facts, now);
    switch (format) {
      case "csv":
        file = { body: encoder.encode(codesCsv(data)), contentType: CSV, fileName: exportFileName(exercise.title, "codes", now, "csv") };
        break;
      case "json":
        file = { body: encoder.encode(codesJson(data)), contentType: JSON_TYPE, fileName: exportFileName(exercise.title, "codes", now, "json") };
        break;
      case "matrix": {
        const variable = options.variable ?? "";
        const table = matrixTable(data, variable, options.values ?? "codes");
        if (!table) throw new AppError("bad_request", `There is no matrix for the variable "${variable.slice(0, 80)}".`);
        file = { body: encoder.encode(matrixCsv(table)), contentType: CSV, fileName: exportFileName(exercise.title, `matrix-${variable}`, now, "csv") };
        break;
      }
      case "qdpx":
        file = { body: await qdpxBytes(data), contentType: ZIP, fileName: exportFileName(exercise.title, "refi-qda", now, "qdpx") };
        break;
    }
  }
  await auditExercise(db, user, exercise, action);
  return file;
}
