import { z } from "zod";

/**
 * The only module that reads process.env (house rule 4). Parsed once, on first use, then frozen.
 * The tsx server and Next's bundle each load their own copy of this module, so the parsed value is
 * cached on globalThis to keep "read once" true for the whole process.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** PostgreSQL connection string; absent → embedded PGlite in COFLEX_DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  /** Redis for fan-out between server nodes; absent → single node. */
  REDIS_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  COFLEX_DATA_DIR: z.string().min(1).default(".coflex-data"),
  /** "1" seeds demo data even with DATABASE_URL; default on only in embedded mode. */
  COFLEX_DEMO: z.enum(["0", "1"]).optional(),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  /** Comma-separated extra origins allowed to open collaboration sockets (besides NEXTAUTH_URL and the request host). */
  COFLEX_ALLOWED_ORIGINS: z.string().optional(),
  /**
   * "1" behind a load balancer that appends the client's address to X-Forwarded-For (HAProxy
   * `option forwardfor`, nginx `proxy_add_x_forwarded_for`): the sign-in throttle then counts per client,
   * not per balancer. Leave unset when clients reach the server directly — they could forge the header.
   */
  COFLEX_TRUST_PROXY: z.enum(["0", "1"]).default("0"),
  /** Storage quota per room kind in MiB (snapshot + update log); a write beyond it closes the socket with 4413. */
  COFLEX_QUOTA_TRANSCRIPT_MB: z.coerce.number().positive().default(20),
  COFLEX_QUOTA_LAYER_MB: z.coerce.number().positive().default(5),
  COFLEX_QUOTA_CONSENSUS_MB: z.coerce.number().positive().default(5),
  /** Per-user write budget in MiB per minute, over all of the user's sockets on a node (burst: one minute's worth). */
  COFLEX_USER_WRITE_MB_PER_MIN: z.coerce.number().positive().default(8),
  /** Log level for the server's own logs. */
  COFLEX_LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
});

export type Env = Readonly<z.infer<typeof envSchema> & { embedded: boolean; demo: boolean }>;

export class EnvError extends Error {
  override name = "EnvError";
}

/** Parses an environment record; exported for tests so validation can be checked without touching process.env. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) {
    if (value !== undefined && value !== "") cleaned[key] = value;
  }
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const detail = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new EnvError(`Invalid environment: ${detail}`);
  }
  const parsed = result.data;
  const embedded = parsed.DATABASE_URL === undefined;
  if (parsed.NODE_ENV === "production" && !embedded && parsed.NEXTAUTH_SECRET === undefined) {
    throw new EnvError("Invalid environment: NEXTAUTH_SECRET is required when NODE_ENV=production and DATABASE_URL is set");
  }
  const demo = parsed.COFLEX_DEMO === undefined ? embedded : parsed.COFLEX_DEMO === "1";
  return Object.freeze({ ...parsed, embedded, demo });
}

const KEY = Symbol.for("coflex.env");
type EnvHolder = { [KEY]?: Env };

export function env(): Env {
  const holder = globalThis as EnvHolder;
  const cached = holder[KEY];
  if (cached) return cached;
  const parsed = parseEnv(process.env);
  holder[KEY] = parsed;
  return parsed;
}

/** The server resolves values that are derived at start (a generated secret, the bound port) once, here. */
export function setResolvedEnv(patch: Partial<Pick<Env, "NEXTAUTH_SECRET" | "NEXTAUTH_URL" | "PORT">>): Env {
  const next = Object.freeze({ ...env(), ...patch });
  (globalThis as EnvHolder)[KEY] = next;
  return next;
}
