import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Db } from "../../lib/db/client";
import { COLLAB_PATH } from "../../lib/collab/roomName";
import { type CollabServer, type CollabServerOptions, createCollabServer } from "../../server/collab";
import { TEST_SECRET } from "./sessionCookie";

export interface CollabTestServer {
  /** Base URL for WebsocketProvider: `ws://127.0.0.1:<port>/collab` (the room name is appended). */
  url: string;
  port: number;
  collab: CollabServer;
  close(): Promise<void>;
}

const quietLogger = { info: () => undefined, warn: () => undefined, error: (message: string, fields?: Record<string, unknown>) => console.error(message, fields) };

/** An HTTP server on port 0 with nothing but the collaboration endpoint, in this process. */
export async function startCollabTestServer(db: Db, options: Partial<Omit<CollabServerOptions, "db">> = {}): Promise<CollabTestServer> {
  const collab = createCollabServer({ db, secret: TEST_SECRET, logger: quietLogger, ...options });
  const server = createServer((_req, res) => {
    res.statusCode = 404;
    res.end();
  });
  server.on("upgrade", (req, socket, head: Buffer) => {
    if (req.url?.startsWith(COLLAB_PATH)) collab.handleUpgrade(req, socket, head);
    else socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}${COLLAB_PATH.replace(/\/$/, "")}`,
    port,
    collab,
    async close() {
      await collab.shutdown();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
