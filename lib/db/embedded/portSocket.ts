import { EventEmitter } from "node:events";
import type { MessagePort } from "node:worker_threads";
import { portMessageSchema } from "./workerMessages";

/**
 * The socket the `postgres` driver writes to when the database is the embedded one: wire-protocol bytes
 * cross to the database worker over a MessagePort instead of TCP. It offers what the driver uses of a
 * net.Socket (its `socket` option): write/end/destroy, readyState, and "data"/"close"/"error"/"drain" events.
 */
export class PortSocket extends EventEmitter {
  readyState: "open" | "closed" = "open";

  constructor(private readonly port: MessagePort) {
    super();
    port.on("message", (raw: unknown) => {
      const message = portMessageSchema.safeParse(raw);
      if (!message.success || message.data === "end") return this.finish(false);
      const bytes = message.data;
      this.emit("data", Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    });
    // The worker ended (crash or shutdown): the driver sees a dropped connection and reports it.
    port.on("close", () => this.finish(true));
  }

  write(chunk: Uint8Array, callback?: (error?: Error) => void): boolean {
    if (this.readyState === "open") {
      // A copy of just these bytes, moved (not cloned): the driver's chunk may be a view into a larger pool.
      const copy = new Uint8Array(chunk);
      this.port.postMessage(copy, [copy.buffer]);
    }
    callback?.();
    return true;
  }

  end(chunk?: Uint8Array): this {
    if (chunk) this.write(chunk);
    if (this.readyState === "open") this.port.postMessage("end");
    this.finish(false);
    return this;
  }

  destroy(): this {
    return this.end();
  }

  /** No flow control is needed: the worker answers only what was asked. */
  pause(): this {
    return this;
  }

  resume(): this {
    return this;
  }

  private finish(hadError: boolean): void {
    if (this.readyState === "closed") return;
    this.readyState = "closed";
    this.port.close();
    // After the caller's current step, as a net.Socket's "close" would come.
    setImmediate(() => this.emit("close", hadError));
  }
}
