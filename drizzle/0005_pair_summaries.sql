CREATE TABLE "agreement_pair_summaries" (
	"run_id" text NOT NULL,
	"coder_a" text NOT NULL,
	"coder_b" text NOT NULL,
	"variables" jsonb NOT NULL,
	CONSTRAINT "agreement_pair_summaries_run_id_coder_a_coder_b_pk" PRIMARY KEY("run_id","coder_a","coder_b")
);
--> statement-breakpoint
ALTER TABLE "agreement_pair_summaries" ADD CONSTRAINT "agreement_pair_summaries_run_id_agreement_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."agreement_runs"("id") ON DELETE cascade ON UPDATE no action;