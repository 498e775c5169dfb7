import { sql } from "drizzle-orm";
import type { Db } from "../client";

/**
 * Advisory-lock key spaces. A two-key advisory lock never collides with a one-key one (the per-room
 * compaction lock in yjsLog.ts uses one key), and the first key keeps our kinds of work apart.
 */
const AGREEMENT_STORE = 1_001;

/**
 * Takes the cluster-wide lock for storing an exercise's agreement run, held until the transaction ends.
 * Every node runs the agreement scheduler; with this, one node at a time stores (and prunes) runs for an
 * exercise, and a node that waited finds the run another node just stored under the same input
 * fingerprint instead of racing it. On the embedded database there is one node and one session, and the
 * lock is granted at once.
 */
export async function lockExerciseAgreement(tx: Pick<Db, "execute">, exerciseId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AGREEMENT_STORE}::int, hashtext(${exerciseId}))`);
}
