ALTER TABLE "cohorts" ADD COLUMN "headline_statistic" text DEFAULT 'alpha' NOT NULL;--> statement-breakpoint
ALTER TABLE "cohorts" ADD COLUMN "headline_bands" text DEFAULT 'krippendorff' NOT NULL;