import type { BrowserContext, WebSocketRoute } from "@playwright/test";

/**
 * Takes a context's collaboration sockets off the network and back, as a dropped Wi-Fi would: while
 * offline, open sockets are closed and new ones are refused at once; online again, the page's own
 * reconnect goes through to the real server.
 */
export class Connectivity {
  private offline = false;
  private readonly open = new Set<WebSocketRoute>();

  private constructor() {}

  static async control(context: BrowserContext): Promise<Connectivity> {
    const connectivity = new Connectivity();
    await context.routeWebSocket(/\/collab\//, (ws) => {
      if (connectivity.offline) {
        void ws.close();
        return;
      }
      ws.connectToServer();
      connectivity.open.add(ws);
      ws.onClose(() => connectivity.open.delete(ws));
    });
    return connectivity;
  }

  async goOffline(): Promise<void> {
    this.offline = true;
    await Promise.all([...this.open].map((ws) => ws.close()));
    this.open.clear();
  }

  goOnline(): void {
    this.offline = false;
  }
}
