import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { parseRoomName } from "../../lib/collab/roomName";
import { deleteTranscript } from "../../lib/db/queries/transcripts";
import { transcripts } from "../../lib/db/schema";
import { createMemoryRoomStore, dbRoomStore } from "../../server/collab";
import { type RoomStoreFixture, roomStoreContract } from "../support/roomStoreContract";
import { seedTestWorld } from "../support/seedTestWorld";
import { createTestDb } from "../support/testDb";

async function databaseFixture(databaseUrl: string): Promise<RoomStoreFixture> {
  const t = await createTestDb({ databaseUrl });
  const { cohortId } = await seedTestWorld(t.db);
  return {
    store: dbRoomStore(t.db),
    async newRoom() {
      const id = randomUUID().replaceAll("-", "");
      await t.db.insert(transcripts).values({ id, cohortId, title: "store contract", turnCount: 0 });
      return `tx:${id}`;
    },
    async deleteOwner(room) {
      const parsed = parseRoomName(room);
      if (parsed?.kind !== "transcript") throw new Error("fixture rooms are transcript rooms");
      await deleteTranscript(t.db, parsed.transcriptId);
      const left = await t.db.select().from(transcripts).where(eq(transcripts.id, parsed.transcriptId));
      if (left.length > 0) throw new Error("transcript not deleted");
    },
    close: () => t.close(),
  };
}

roomStoreContract("in memory", async () => {
  const store = createMemoryRoomStore();
  return { store, newRoom: async () => `tx:${randomUUID().replaceAll("-", "")}`, deleteOwner: async (room) => store.fence(room), close: async () => undefined };
});

// "" forces the embedded database even when DATABASE_URL is set: both run in the PostgreSQL tier.
roomStoreContract("PGlite", () => databaseFixture(""));

// The PostgreSQL tier (DATABASE_URL) runs the contract against the real server too; the embedded tier has none.
const postgresUrl = process.env.DATABASE_URL;
if (postgresUrl) roomStoreContract("PostgreSQL", () => databaseFixture(postgresUrl));
