import type { WebSocket } from "ws";

/**
 * Drops dead sockets. A socket that vanished without a FIN (laptop lid, lost Wi-Fi) otherwise stays
 * "open" for minutes, holding its room loaded and its cursor on everyone's screen. Every interval each
 * socket is pinged; one that has not answered (nor sent anything) since the previous ping is terminated.
 */
export function startHeartbeat(sockets: () => Iterable<WebSocket>, intervalMs: number): { seen(socket: WebSocket): void; stop(): void } {
  const silent = new WeakSet<WebSocket>();
  const timer = setInterval(() => {
    for (const socket of sockets()) {
      if (silent.has(socket)) {
        socket.terminate();
        continue;
      }
      silent.add(socket);
      try {
        socket.ping();
      } catch {
        socket.terminate();
      }
    }
  }, intervalMs);
  timer.unref();
  return {
    seen: (socket) => {
      silent.delete(socket);
    },
    stop: () => clearInterval(timer),
  };
}
