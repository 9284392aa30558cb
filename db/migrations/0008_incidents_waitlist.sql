CREATE TYPE "public"."waitlist_status" AS ENUM('waiting', 'notified', 'removed');--> statement-breakpoint
CREATE TABLE "incident_affected_bookings" (
	"incident_id" uuid NOT NULL,
	"booking_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_affected_bookings_incident_id_booking_id_pk" PRIMARY KEY("incident_id","booking_id")
);
--> statement-breakpoint
CREATE TABLE "waitlist_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone NOT NULL,
	"status" "waitlist_status" DEFAULT 'waiting' NOT NULL,
	"notified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "waitlist_entries_order" CHECK ("waitlist_entries"."start_at" < "waitlist_entries"."end_at")
);
--> statement-breakpoint
ALTER TABLE "incidents" ALTER COLUMN "severity" SET DATA TYPE text;--> statement-breakpoint
DROP TYPE "public"."incident_severity";--> statement-breakpoint
CREATE TYPE "public"."incident_severity" AS ENUM('minor', 'blocking');--> statement-breakpoint
ALTER TABLE "incidents" ALTER COLUMN "severity" SET DATA TYPE "public"."incident_severity" USING "severity"::"public"."incident_severity";--> statement-breakpoint
ALTER TABLE "blackouts" ADD COLUMN "incident_id" uuid;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "block_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "resolved_by_id" uuid;--> statement-breakpoint
ALTER TABLE "incident_affected_bookings" ADD CONSTRAINT "incident_affected_bookings_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_affected_bookings" ADD CONSTRAINT "incident_affected_bookings_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incident_affected_booking_idx" ON "incident_affected_bookings" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "waitlist_entries_due_idx" ON "waitlist_entries" USING btree ("status","resource_id","start_at");--> statement-breakpoint
CREATE INDEX "waitlist_entries_user_idx" ON "waitlist_entries" USING btree ("user_id","start_at");--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_entries_one_per_slot_key" ON "waitlist_entries" USING btree ("user_id","resource_id","start_at","end_at") WHERE "waitlist_entries"."status" = 'waiting';--> statement-breakpoint
ALTER TABLE "blackouts" ADD CONSTRAINT "blackouts_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_resolved_by_id_users_id_fk" FOREIGN KEY ("resolved_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "blackouts_incident_idx" ON "blackouts" USING btree ("incident_id");