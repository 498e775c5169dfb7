import { sql } from "drizzle-orm";
import {
  bigserial,
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
