import { Worker } from "node:worker_threads";
import type { RunBatches } from "../../lib/db/queries/runBatches";
import type { AgreementJob, WorkerReply } from "./agreementTypes";

export type WorkerOutcome =
  | { type: "unchanged"; fingerprint: string; durationMs: number }
  | { type: "computed"; fingerprint: string; outputJson: string; batches: RunBatches; durationMs: number };

/**
 * One agreement worker thread, one job at a time (the scheduler queues). The thread starts on the first
 * job and is replaced after a crash. The thread's entry is agreementWorkerBootstrap.mjs, which registers
 * tsx's loader inside the thread and loads agreementWorker.ts — on Node 20 a Worker's
 * `execArgv: ["--import", "tsx"]` does not reach its own .ts entry file.
 */
export class AgreementWorkerClient {
  private worker: Worker | null = null;
  private nextJobId = 1;
  private pending: {
    jobId: number;
    resolve(outcome: WorkerOutcome): void;
    reject(error: Error): void;
  } | null = null;
  private closed = false;
  private readyWaiters: Array<() => void> = [];
  private isReady = false;

  constructor(private readonly workerUrl: URL = new URL("./agreementWorkerBootstrap.mjs", import.meta.url)) {}

  run(job: Omit<AgreementJob, "jobId">): Promise<WorkerOutcome> {
    if (this.closed) return Promise.reject(new Error("agreement worker closed"));
    if (this.pending) return Promise.reject(new Error("agreement worker busy"));
    const worker = this.ensureWorker();
    const jobId = this.nextJobId++;
    return new Promise<WorkerOutcome>((resolve, reject) => {
      this.pending = { jobId, resolve, reject };
      worker.ref();
      worker.postMessage({ ...job, jobId } satisfies AgreementJob);
    });
  }

  /** Starts the thread ahead of the first job. */
  warm(): void {
    if (!this.closed) this.ensureWorker();
  }

  /** Resolves once the thread has loaded and warmed up (jobs sent earlier simply wait for it). */
  ready(): Promise<void> {
    if (this.isReady || this.closed) return Promise.resolve();
    this.warm();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  async close(): Promise<void> {
    this.closed = true;
    this.markReady();
    const worker = this.worker;
    this.worker = null;
    this.fail(new Error("agreement worker closed"));
    if (worker) await worker.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerUrl);
    worker.on("message", (message: WorkerReply) => this.receive(message));
    this.isReady = false;
    worker.on("error", (error) => {
      if (this.worker === worker) this.worker = null;
      this.fail(error);
    });
    worker.on("exit", (code) => {
      if (this.worker === worker) this.worker = null;
      this.fail(new Error(`agreement worker exited with code ${code}`));
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private markReady(): void {
    this.isReady = true;
    for (const resolve of this.readyWaiters.splice(0)) resolve();
  }

  private receive(message: WorkerReply): void {
    if (message.type === "ready") return this.markReady();
    const job = this.pending;
    if (!job || job.jobId !== message.jobId) return;
    switch (message.type) {
      case "unchanged":
        this.settle();
        job.resolve({ type: "unchanged", fingerprint: message.fingerprint, durationMs: message.durationMs });
        return;
      case "done":
        this.settle();
        job.resolve({ type: "computed", fingerprint: message.fingerprint, outputJson: message.outputJson, batches: message.batches, durationMs: message.durationMs });
        return;
      case "error":
        this.settle();
        job.reject(new Error(`agreement computation failed: ${message.message}`));
        return;
    }
  }

  private settle(): void {
    this.pending = null;
    // An idle worker must not keep the process alive.
    this.worker?.unref();
  }

  private fail(error: Error): void {
    // Whoever waits for readiness would otherwise wait forever on a thread that is gone.
    if (!this.worker) this.markReady();
    const job = this.pending;
    this.pending = null;
    job?.reject(error);
  }
}
