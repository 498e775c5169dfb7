import { sql } from "drizzle-orm";
import {
  bigserial,
  jsonb,
  doublePrecision,
  boolean,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/** Drizzle has no bytea builder; postgres.js returns Buffer and PGlite Uint8Array, so normalise to Uint8Array. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  toDriver: (value) => value,
  fromDriver: (value) => (value instanceof Uint8Array && value.constructor === Uint8Array ? value : new Uint8Array(value)),
});

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const users = pgTable(
  "users",
  {
    id: text("id").primaryKey(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    disabled: boolean("disabled").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_lower").on(sql`lower(${t.email})`)],
);

export const cohorts = pgTable("cohorts", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  /** The cohort's headline statistic and band scheme (lib/domain/headline): what every page leads with. */
  headlineStatistic: text("headline_statistic").notNull().default("alpha"),
  headlineBands: text("headline_bands").notNull().default("krippendorff"),
  createdAt: createdAt(),
});

export const ROLES = ["instructor", "supervisor", "trainee"] as const;
export type Role = (typeof ROLES)[number];

export const memberships = pgTable(
  "memberships",
  {
    cohortId: text("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.userId] }), index("memberships_user").on(t.userId)],
);

export const transcripts = pgTable(
  "transcripts",
  {
    id: text("id").primaryKey(),
    cohortId: text("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    turnCount: integer("turn_count").notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("transcripts_cohort").on(t.cohortId)],
);

/** Append-only Yjs update log; every row is committed before the sender hears "saved". */
export const yjsUpdates = pgTable(
  "yjs_updates",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    room: text("room").notNull(),
    update: bytea("update").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("yjs_updates_room_id").on(t.room, t.id)],
);

/** One compacted state per room; the log rows merged into it are deleted in the same transaction. */
export const yjsSnapshots = pgTable("yjs_snapshots", {
  room: text("room").primaryKey(),
  state: bytea("state").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: createdAt(),
    userId: text("user_id"),
    role: text("role"),
    action: text("action").notNull(),
    resource: text("resource").notNull(),
    outcome: text("outcome", { enum: ["ok", "denied", "error"] }).notNull(),
    cohortId: text("cohort_id"),
  },
  (t) => [index("audit_events_cohort_at").on(t.cohortId, t.at)],
);

/** Versioned codebooks: a cohort edits a copy; every code records the version it was made under. */
export const codebooks = pgTable(
  "codebooks",
  {
    id: text("id").primaryKey(),
    cohortId: text("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    version: integer("version").notNull(),
    body: jsonb("body").notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("codebooks_cohort_name_version").on(t.cohortId, t.name, t.version)],
);

export const EXERCISE_MODES = ["blind", "open"] as const;
export const EXERCISE_STATES = ["coding", "revealed", "closed"] as const;
export const REVEAL_RULES = ["all_submitted", "instructor"] as const;
/** lib/domain/agreementUnits UNIT_SCOPES (kept literal here: the schema imports nothing of the domain). */
export const UNIT_SCOPE_VALUES = ["client_turns", "all_turns"] as const;
/** What a coder chose at submit for the units they had not looked at (lib/domain/submitChoice). */
export const UNREVIEWED_CHOICES = ["reviewed", "missing"] as const;

export const exercises = pgTable(
  "exercises",
  {
    id: text("id").primaryKey(),
    cohortId: text("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    transcriptId: text("transcript_id")
      .notNull()
      .references(() => transcripts.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    mode: text("mode", { enum: EXERCISE_MODES }).notNull(),
    state: text("state", { enum: EXERCISE_STATES }).notNull().default("coding"),
    revealRule: text("reveal_rule", { enum: REVEAL_RULES }).notNull().default("instructor"),
    keyCoderId: text("key_coder_id").references(() => users.id, { onDelete: "set null" }),
    codebookId: text("codebook_id").references(() => codebooks.id, { onDelete: "set null" }),
    codebookVersion: integer("codebook_version").notNull().default(1),
    /** Whether coders, not only supervisors, may settle consensus after reveal. */
    codersSettle: boolean("coders_settle").notNull().default(false),
    /** Whether coders who are not staff see each other's names in review after the reveal (staff always do). */
    coderNamesVisible: boolean("coder_names_visible").notNull().default(false),
    /** Which turns are units of agreement: client turns (FAD) or all turns (dimension-targeted coding). */
    unitScope: text("unit_scope", { enum: UNIT_SCOPE_VALUES }).notNull().default("client_turns"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    revealedAt: timestamp("revealed_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [index("exercises_transcript").on(t.transcriptId), index("exercises_cohort").on(t.cohortId)],
);

export const exerciseCoders = pgTable(
  "exercise_coders",
  {
    exerciseId: text("exercise_id")
      .notNull()
      .references(() => exercises.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    /**
     * At submit, the units the coder had not looked at: "reviewed" marked them reviewed with no code (they
     * count as absent), "missing" left them out of the coder's data. Null: nothing was left, or submitted
     * before this was asked.
     */
    unreviewedChoice: text("unreviewed_choice", { enum: UNREVIEWED_CHOICES }),
    /** How many units the coder had not looked at when submitting. */
    unreviewedCount: integer("unreviewed_count"),
  },
  (t) => [primaryKey({ columns: [t.exerciseId, t.userId] }), index("exercise_coders_user").on(t.userId)],
);

/** One agreement computation over an exercise's layers; identical inputs (same fingerprint) are not recomputed. */
export const agreementRuns = pgTable(
  "agreement_runs",
  {
    id: text("id").primaryKey(),
    exerciseId: text("exercise_id")
      .notNull()
      .references(() => exercises.id, { onDelete: "cascade" }),
    fingerprint: text("fingerprint").notNull(),
    trigger: text("trigger").notNull(),
    computedAt: createdAt(),
    durationMs: integer("duration_ms").notNull(),
    /** The whole result, per variable, in the CLI's output shape (CONTRACTS §6). */
    output: jsonb("output").notNull(),
  },
  (t) => [uniqueIndex("agreement_runs_exercise_fingerprint").on(t.exerciseId, t.fingerprint), index("agreement_runs_exercise_at").on(t.exerciseId, t.computedAt)],
);

/**
 * A class's pair summaries, one row per pair of coders (issue 8). Above `pairDetailMaxCoders` a run has a
 * summary for every pair without the key — n² of them, ~6 MB of JSON at 100 coders. Kept inside the run's
 * `output` that was one huge jsonb value, and the embedded database's WebAssembly heap grew by ~26 MB for
 * it and never gave the memory back (bench:classroom: RSS peak over 600 MB). As rows they go in small
 * batches, and a view that needs one coder's pairs reads just those. The run's output keeps its full pairs
 * (with the key, or every pair of a small group); readers merge the two (lib/db/queries/agreement.ts).
 */
export const agreementPairSummaries = pgTable(
  "agreement_pair_summaries",
  {
    runId: text("run_id")
      .notNull()
      .references(() => agreementRuns.id, { onDelete: "cascade" }),
    coderA: text("coder_a").notNull(),
    coderB: text("coder_b").notNull(),
    /** variable → its summary (lib/agreement/runSchema pairSummarySchema). */
    variables: jsonb("variables").notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.coderA, t.coderB] })],
);

/** The same run flattened, one row per variable × coder pair (or all coders) × statistic, for queries and exports. */
export const agreementResults = pgTable(
  "agreement_results",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    runId: text("run_id")
      .notNull()
      .references(() => agreementRuns.id, { onDelete: "cascade" }),
    variable: text("variable").notNull(),
    coderA: text("coder_a"),
    coderB: text("coder_b"),
    statistic: text("statistic").notNull(),
    value: doublePrecision("value"),
    ciLow: doublePrecision("ci_low"),
    ciHigh: doublePrecision("ci_high"),
    nUnits: integer("n_units").notNull(),
    nCoders: integer("n_coders").notNull(),
    prevalence: jsonb("prevalence"),
    warnings: jsonb("warnings"),
  },
  (t) => [index("agreement_results_run").on(t.runId)],
);
