import { onRightsChanged } from "../../lib/collab/rightsBus";
import { setLiveAgreementProvider } from "../../lib/collab/liveAgreementBus";
import type { Db } from "../../lib/db/client";
import { LiveAgreement } from "./liveAgreement";
import type { RoomRelay } from "./redisRelay";
import type { CollabLogger } from "./types";
import { WatchHub } from "./watchHub";

export interface LiveWiring {
  live: LiveAgreement;
  watch: WatchHub;
  close(): Promise<void>;
}

/**
 * The live agreement and its watch rooms, wired to the process: GET /api/exercises/:id/agreement reads
 * the live summary (lib/collab/liveAgreementBus), and every exercise rights change (submit, reveal,
 * membership — lib/collab/rightsBus) refreshes the engine's facts and pushes the new state to watchers.
 * server/index.ts and the integration tests start it the same way.
 */
export function startLiveAgreement(deps: { db: Db; relay?: RoomRelay | null; logger: CollabLogger }): LiveWiring {
  const live = new LiveAgreement({ db: deps.db, relay: deps.relay ?? null, logger: deps.logger });
  const watch = new WatchHub({ db: deps.db, live, logger: deps.logger });
  setLiveAgreementProvider((exerciseId) => live.summary(exerciseId));
  const off = onRightsChanged((change) => {
    const exerciseIds = change.kind === "exercise" ? [change.exerciseId] : change.kind === "transcript" ? change.exerciseIds : [];
    for (const exerciseId of exerciseIds) {
      watch.exerciseChanged(exerciseId).catch((err: unknown) => deps.logger.error("watch.push_failed", { exerciseId, err: String(err) }));
      live.refresh(exerciseId).catch((err: unknown) => deps.logger.error("live_agreement.refresh_failed", { exerciseId, err: String(err) }));
    }
  });
  return {
    live,
    watch,
    async close() {
      off();
      watch.close();
      setLiveAgreementProvider(null);
      await live.close();
    },
  };
}
