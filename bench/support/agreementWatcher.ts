import type { ClassroomCoder } from "./classroomCoder";
import type { HttpUser } from "./httpUser";

const POLL_MS = 500;

interface ProbeState {
  coder: ClassroomCoder;
  /** What the agreement should show next: the probe compared (it has a code) or idle (it has none). */
  expect: "compared" | "idle" | null;
  changedAt: number;
  timer: NodeJS.Timeout | null;
}

/**
 * The non-coding instructor watching the live agreement: GET /api/exercises/:id/agreement every 500 ms (the
 * next read starts when the previous one is answered if that took longer). It also drives the probes: each
 * probe changes (one code ↔ none) a short, random while after the agreement showed its last change, and
 * the time from a change to the first answer that shows it is one freshness sample.
 */
export class AgreementWatcher {
  readonly freshness: number[] = [];
  readonly polls: Array<{ status: number; ms: number; bytes: number }> = [];
  private running = false;
  private loop: Promise<void> | null = null;
  private readonly probes: ProbeState[];

  constructor(
    private readonly watcher: HttpUser,
    private readonly exerciseId: string,
    probes: readonly ClassroomCoder[],
    private readonly random: () => number,
  ) {
    this.probes = probes.map((coder) => ({ coder, expect: null, changedAt: 0, timer: null }));
  }

  start(): void {
    this.running = true;
    for (const probe of this.probes) this.scheduleChange(probe);
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    for (const probe of this.probes) if (probe.timer) clearTimeout(probe.timer);
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      const started = performance.now();
      const answer = await this.watcher.api("GET", `/api/exercises/${this.exerciseId}/agreement`);
      const received = performance.now();
      this.polls.push({ status: answer.status, ms: answer.ms, bytes: answer.bytes });
      const body = answer.json as { comparedCoders?: string[]; idleCoders?: string[] } | null;
      if (answer.status === 200 && body?.comparedCoders) {
        const compared = new Set(body.comparedCoders);
        for (const probe of this.probes) {
          if (probe.expect === null) continue;
          const shows = compared.has(probe.coder.user.id) ? "compared" : "idle";
          if (shows !== probe.expect) continue;
          this.freshness.push(received - probe.changedAt);
          probe.expect = null;
          this.scheduleChange(probe);
        }
      }
      const wait = POLL_MS - (performance.now() - started);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  private scheduleChange(probe: ProbeState): void {
    probe.timer = setTimeout(() => {
      if (!this.running) return;
      probe.changedAt = performance.now();
      if (probe.coder.looksAtSomething()) {
        probe.coder.clear();
        probe.expect = "idle";
      } else {
        probe.coder.addCode();
        probe.expect = "compared";
      }
    }, 500 + 1500 * this.random());
  }
}
