CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"booking_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	"overall" integer,
	"condition" integer,
	"service" integer,
	"comment" text DEFAULT '' NOT NULL,
	"may_contact" boolean,
	"seen_at" timestamp with time zone,
	"seen_by_id" uuid,
	CONSTRAINT "surveys_booking_id_unique" UNIQUE("booking_id"),
	CONSTRAINT "surveys_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "surveys_scores" CHECK (("surveys"."answered_at" IS NULL AND "surveys"."overall" IS NULL AND "surveys"."condition" IS NULL AND "surveys"."service" IS NULL AND "surveys"."may_contact" IS NULL)
        OR ("surveys"."answered_at" IS NOT NULL AND "surveys"."overall" BETWEEN 1 AND 5 AND "surveys"."condition" BETWEEN 1 AND 5 AND "surveys"."service" BETWEEN 1 AND 5 AND "surveys"."may_contact" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_seen_by_id_users_id_fk" FOREIGN KEY ("seen_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "surveys_answered_idx" ON "surveys" USING btree ("answered_at") WHERE "surveys"."answered_at" IS NOT NULL;--> statement-breakpoint
-- hand-written: the follow-up job looks for completed customer bookings by when they ended; a partial index on bookings keeps that look-up small with a million rows (drizzle's snapshot of bookings is left as it is, so other work on that table does not conflict).
CREATE INDEX "bookings_customer_completed_end_idx" ON "bookings" ("end_at") WHERE "requester_kind" = 'customer' AND "status" = 'completed';
