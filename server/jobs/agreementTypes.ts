import type { AgreementSettings } from "../../lib/db/queries/agreement";
import type { RunBatches } from "../../lib/db/queries/runBatches";
import type { RoomLog } from "../../lib/db/queries/yjsLog";
import type { UnitScope } from "../../lib/domain/agreementUnits";

/** Messages between the scheduler (main thread) and the agreement worker thread. */

export interface AgreementJob {
  jobId: number;
  exerciseId: string;
  /** The exercise's coders (any order; the worker sorts them). */
  coderIds: string[];
  keyCoderId: string | null;
  /** The exercise's unit setting (lib/domain/agreementUnits). */
  unitScope: UnitScope;
  /** The transcript room's stored log (tx:<transcriptId>). */
  transcript: RoomLog;
  /** coderId → that coder's layer room log (layer:<exerciseId>:<coderId>). */
  layers: Record<string, RoomLog>;
  settings: AgreementSettings;
  /** Fingerprints of runs already stored for the exercise: a match means nothing to compute. */
  knownFingerprints: string[];
}

/**
 * What a run is computed from: the transcript's and every coder's layer state. The live agreement
 * (server/collab/liveAgreement) holds them in memory and hands them over as one encoded state each, so a
 * stored run never re-reads the logs from the database.
 */
export interface RunInputs {
  transcript: RoomLog;
  /** coderId → that coder's layer state; every coder of the exercise. */
  layers: Record<string, RoomLog>;
}

export type WorkerReply =
  /** Sent once, after the worker loaded and warmed up. */
  | { jobId: 0; type: "ready" }
  | { jobId: number; type: "unchanged"; fingerprint: string; durationMs: number }
  /**
   * `outputJson` is the run's output without its summary pairs, and `batches` its rows and summary pairs
   * (lib/db/queries/runBatches), all serialized here: the main thread stores text it never re-encodes, and
   * a message of strings costs it no object graph to deserialize.
   */
  | { jobId: number; type: "done"; fingerprint: string; outputJson: string; batches: RunBatches; durationMs: number }
  | { jobId: number; type: "error"; message: string };
