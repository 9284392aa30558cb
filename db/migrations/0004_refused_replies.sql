CREATE TABLE "refused_replies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reason" text NOT NULL,
	"from_address" text NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"message_id" text,
	"booking_id" uuid,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "refused_replies" ADD CONSTRAINT "refused_replies_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "refused_replies_message_id_key" ON "refused_replies" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "refused_replies_received_idx" ON "refused_replies" USING btree ("received_at");