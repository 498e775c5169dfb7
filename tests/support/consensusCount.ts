import * as Y from "yjs";
import type { RoomLog } from "../../lib/db/queries/yjsLog";

/** Decisions with a rationale in a consensus room's stored log (Y.Map "decisions"). */
export function readDecisionsCount(log: RoomLog): number {
  const doc = new Y.Doc();
  if (log.snapshot) Y.applyUpdate(doc, log.snapshot);
  for (const row of log.updates) Y.applyUpdate(doc, row.update);
  let n = 0;
  doc.getMap("decisions").forEach((value) => {
    if (typeof value === "object" && value !== null && "rationale" in value && typeof value.rationale === "string" && value.rationale.length > 0) n++;
  });
  doc.destroy();
  return n;
}
