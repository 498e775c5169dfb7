import { env } from "./env";

/**
 * Structured one-line logs. Callers pass identifiers and counts, never transcript or code text: logs leave
 * the privacy boundary (house rule 3, PRODUCT privacy).
 */
type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level | "silent", number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export type LogFields = { [key: string]: string | number | boolean | null | undefined | unknown };

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields & { err?: unknown }): void;
}

function errorSummary(err: unknown): string | undefined {
  if (err === undefined) return undefined;
  // Only the class and code: messages from drivers can quote the SQL parameters (document bytes).
  if (err instanceof Error) return `${err.name}${"code" in err ? `:${String((err as { code: unknown }).code)}` : ""}`;
  return typeof err;
}

export function createLogger(scope: string): Logger {
  const threshold = ORDER[env().COFLEX_LOG_LEVEL];
  const write = (level: Level, event: string, fields?: LogFields & { err?: unknown }) => {
    if (ORDER[level] < threshold) return;
    const { err, ...rest } = fields ?? {};
    const line = JSON.stringify({ t: new Date().toISOString(), level, scope, event, ...rest, ...(err !== undefined ? { err: errorSummary(err) } : {}) });
    (level === "error" || level === "warn" ? process.stderr : process.stdout).write(`${line}\n`);
  };
  return {
    debug: (e, f) => write("debug", e, f),
    info: (e, f) => write("info", e, f),
    warn: (e, f) => write("warn", e, f),
    error: (e, f) => write("error", e, f),
  };
}
