import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { DEFAULT_AGREEMENT_SETTINGS } from "../../lib/db/queries/agreement";
import { splitPairSummaries } from "../../lib/agreement/pairSummaries";
import { batchBuffers, runBatches } from "../../lib/db/queries/runBatches";
import { computePrepared, prepareAgreement, warmUp } from "./agreementCompute";
import type { AgreementJob, WorkerReply } from "./agreementTypes";

/**
 * The agreement worker thread: decodes the stored documents, builds units, fingerprints them and — when
 * the fingerprint is new — computes every variable. All of it runs here, never on the collaboration
 * server's event loop. Replies: "unchanged", or "done" with the output (without its summary pairs), its
 * rows and its summary pairs as JSON text (lib/db/queries/runBatches), so the main thread receives no
 * object graph to deserialize and has nothing to serialize before storing.
 */

const port = parentPort;
if (!port) throw new Error("agreementWorker must run as a worker thread");

/**
 * Thread priority. A large run (a cohort) keeps a core busy for seconds; on a machine short of cores it
 * must not take CPU from the collaboration server's event loop on the main thread. So, on Linux, this
 * thread lowers its own priority (nice 10; setpriority() on a thread id affects that thread only) for the
 * length of a large run and goes back to normal afterwards where allowed. Small runs (a supervisor and a
 * trainee) stay at normal priority, so live agreement stays quick even when the machine is busy.
 */
const LARGE_RUN_VALUES = 2000;
const threadId = ((): number | null => {
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    return Number.isInteger(tid) && tid > 0 ? tid : null;
  } catch {
    return null;
  }
})();

function setNice(value: number): void {
  if (threadId === null) return;
  try {
    setPriority(threadId, value);
  } catch {
    // Not allowed here (raising priority back needs a privilege on some systems): keep the current one.
  }
}

// Before the first job (messages wait until this returns): a cold first run would be several times slower.
warmUp(DEFAULT_AGREEMENT_SETTINGS);
port.postMessage({ jobId: 0, type: "ready" } satisfies WorkerReply);

port.on("message", (job: AgreementJob) => {
  const started = performance.now();
  const reply = (message: WorkerReply): void => port.postMessage(message);
  try {
    const prepared = prepareAgreement(job, job.settings);
    if (job.knownFingerprints.includes(prepared.fingerprint)) {
      reply({ jobId: job.jobId, type: "unchanged", fingerprint: prepared.fingerprint, durationMs: performance.now() - started });
      return;
    }
    const large = prepared.units.units.length * prepared.coders.length >= LARGE_RUN_VALUES;
    if (large) setNice(10);
    let computed: ReturnType<typeof computePrepared>;
    try {
      computed = computePrepared(prepared);
    } finally {
      if (large) setNice(0);
    }
    const { rows } = computed;
    // A class's summary pairs go separately, in batches, and are stored as rows (lib/agreement/pairSummaries).
    const { output, summaries } = splitPairSummaries(computed.output);
    const outputJson = JSON.stringify(output);
    const batches = runBatches(rows, summaries);
    const done: WorkerReply = { jobId: job.jobId, type: "done", fingerprint: prepared.fingerprint, outputJson, batches, durationMs: performance.now() - started };
    port.postMessage(done, batchBuffers(batches));
  } catch (err) {
    // Only the error's class and message of our own code: no document content is put into errors.
    reply({ jobId: job.jobId, type: "error", message: err instanceof Error ? `${err.name}: ${err.message}` : "unknown error" });
  }
});
