import type { AgreementView } from "../agreement/runSchema";

/**
 * GET /api/exercises/:id/agreement (Next's module copy) asks the collaboration server's live agreement
 * (server/collab/liveAgreement, loaded by tsx) for the current summary. Same process, separate module
 * copies, so the provider sits on globalThis like ./rightsBus. Absent (tests without the server, a build
 * step) → the route falls back to the latest stored run.
 */
export type LiveAgreementProvider = (exerciseId: string) => Promise<AgreementView | null>;

const KEY = Symbol.for("coflex.liveAgreement");
type Holder = { [KEY]?: LiveAgreementProvider };

export function setLiveAgreementProvider(provider: LiveAgreementProvider | null): void {
  const holder = globalThis as Holder;
  if (provider) holder[KEY] = provider;
  else delete holder[KEY];
}

export function liveAgreementProvider(): LiveAgreementProvider | null {
  return (globalThis as Holder)[KEY] ?? null;
}
