CREATE TYPE "public"."check_in_channel" AS ENUM('portal', 'link', 'door', 'api');--> statement-breakpoint
CREATE TYPE "public"."visit_condition" AS ENUM('ok', 'issue');--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "checked_in_by_id" uuid;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "checked_in_via" "check_in_channel";--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "checked_out_by_id" uuid;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "checkout_condition" "visit_condition";--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "checkout_notes" text;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "not_checked_out" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "inspection_result" "visit_condition";--> statement-breakpoint
ALTER TABLE "policy_settings" ADD COLUMN "check_in_opens_minutes" integer DEFAULT 15 NOT NULL;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "requires_check_in" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "checklist" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_checked_in_by_id_users_id_fk" FOREIGN KEY ("checked_in_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_checked_out_by_id_users_id_fk" FOREIGN KEY ("checked_out_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bookings_status_start_idx" ON "bookings" USING btree ("status","start_at");--> statement-breakpoint
ALTER TABLE "policy_settings" ADD CONSTRAINT "policy_settings_check_in_opens" CHECK ("policy_settings"."check_in_opens_minutes" >= 0);--> statement-breakpoint
-- hand-written:
-- Check-in is required where people sit in a room (meeting rooms, the showroom); equipment and
-- the sample warehouse are fetched and returned. Each type gets a starting return checklist.
UPDATE "resources" r SET
  "requires_check_in" = t."code" IN ('meeting_room', 'showroom'),
  "checklist" = CASE t."code"
    WHEN 'meeting_room' THEN '[{"key":"projector_off","label":{"zh":"关闭投影仪和屏幕","en":"Projector and screens switched off"}},{"key":"whiteboard_wiped","label":{"zh":"擦净白板","en":"Whiteboard wiped"}},{"key":"tidied","label":{"zh":"桌椅归位、垃圾清理","en":"Tables and chairs back, rubbish cleared"}}]'::jsonb
    WHEN 'showroom' THEN '[{"key":"samples_back","label":{"zh":"样品归位","en":"Samples back in place"}},{"key":"exhibits_intact","label":{"zh":"展品完好无损","en":"Exhibits intact"}},{"key":"lights_off","label":{"zh":"关闭灯光与讲解屏","en":"Lights and display screen off"}}]'::jsonb
    WHEN 'sample_warehouse' THEN '[{"key":"samples_back","label":{"zh":"样品归位","en":"Samples back in place"}},{"key":"samples_logged","label":{"zh":"取用样品已登记","en":"Samples taken signed out"}}]'::jsonb
    WHEN 'large_equipment' THEN '[{"key":"equipment_returned","label":{"zh":"设备归还","en":"Equipment returned"}},{"key":"powered_down","label":{"zh":"关机或充电","en":"Switched off or on charge"}},{"key":"cleaned","label":{"zh":"清洁完毕","en":"Cleaned"}}]'::jsonb
    ELSE r."checklist"
  END
FROM "resource_types" t WHERE t."id" = r."type_id";
--> statement-breakpoint
-- The check-out checklist was a fixed object; it becomes a list of answers by item key.
UPDATE "bookings" SET "checkout_checklist" = jsonb_build_array(
    jsonb_build_object('key', 'cleaned', 'done', COALESCE(("checkout_checklist"->>'cleaned')::boolean, false)),
    jsonb_build_object('key', 'intact', 'done', COALESCE(("checkout_checklist"->>'intact')::boolean, false)),
    jsonb_build_object('key', 'items_returned', 'done', COALESCE(("checkout_checklist"->>'itemsReturned')::boolean, false))
  ),
  "checkout_notes" = COALESCE("checkout_notes", "checkout_checklist"->>'note')
WHERE jsonb_typeof("checkout_checklist") = 'object';
