ALTER TABLE "waitlist_entries" ALTER COLUMN "user_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD COLUMN "contact_name" text;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD COLUMN "contact_email" text;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD COLUMN "locale" "locale";--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_entries_one_per_customer_slot_key" ON "waitlist_entries" USING btree ("contact_email","resource_id","start_at","end_at") WHERE "waitlist_entries"."status" = 'waiting' and "waitlist_entries"."user_id" is null;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_who" CHECK (("waitlist_entries"."user_id" is not null and "waitlist_entries"."contact_email" is null) or ("waitlist_entries"."user_id" is null and "waitlist_entries"."contact_email" is not null and "waitlist_entries"."contact_name" is not null and "waitlist_entries"."locale" is not null));