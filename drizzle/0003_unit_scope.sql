ALTER TABLE "exercise_coders" ADD COLUMN "unreviewed_choice" text;--> statement-breakpoint
ALTER TABLE "exercise_coders" ADD COLUMN "unreviewed_count" integer;--> statement-breakpoint
ALTER TABLE "exercises" ADD COLUMN "unit_scope" text DEFAULT 'client_turns' NOT NULL;