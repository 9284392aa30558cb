CREATE TABLE "slot_holds" (
	"source_id" uuid PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"booking_id" uuid NOT NULL,
	"resource_id" uuid NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone NOT NULL,
	"hold_start" timestamp with time zone NOT NULL,
	"hold_end" timestamp with time zone NOT NULL,
	CONSTRAINT "slot_holds_order" CHECK ("slot_holds"."hold_start" < "slot_holds"."hold_end")
);
--> statement-breakpoint
ALTER TABLE "change_requests" ALTER COLUMN "new_resource_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "change_requests" ADD COLUMN "hold_start" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "change_requests" ADD COLUMN "hold_end" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "slot_holds" ADD CONSTRAINT "slot_holds_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slot_holds" ADD CONSTRAINT "slot_holds_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "change_requests_one_pending_key" ON "change_requests" USING btree ("booking_id") WHERE "change_requests"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "change_requests_status_idx" ON "change_requests" USING btree ("status","created_at");--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_order" CHECK ("change_requests"."new_start_at" < "change_requests"."new_end_at");--> statement-breakpoint
-- hand-written:
-- Holds in one table (product rules 1 and 9). A holding booking and a pending change request
-- each keep one row in slot_holds; its exclusion constraint decides first come, first served
-- for both, whatever the number of app instances. A change request's hold never conflicts with
-- its own booking's (same booking_id): while admin decides, the booking holds both slots.
CREATE FUNCTION change_request_set_hold_range() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  setup_minutes integer;
  cleanup_minutes integer;
BEGIN
  IF TG_OP = 'INSERT'
     OR NEW.new_start_at IS DISTINCT FROM OLD.new_start_at
     OR NEW.new_end_at IS DISTINCT FROM OLD.new_end_at
     OR NEW.new_resource_id IS DISTINCT FROM OLD.new_resource_id THEN
    SELECT setup_buffer_minutes, cleanup_buffer_minutes INTO setup_minutes, cleanup_minutes
      FROM resources WHERE id = NEW.new_resource_id;
    NEW.hold_start := NEW.new_start_at - make_interval(mins => COALESCE(setup_minutes, 0));
    NEW.hold_end := NEW.new_end_at + make_interval(mins => COALESCE(cleanup_minutes, 0));
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER change_requests_hold_range
  BEFORE INSERT OR UPDATE ON change_requests
  FOR EACH ROW EXECUTE FUNCTION change_request_set_hold_range();
--> statement-breakpoint
-- Keeps one slot_holds row per holder: present while it holds, with its current range.
CREATE FUNCTION slot_hold_sync(
  holder uuid, kind text, owner uuid, holds boolean,
  resource uuid, slot_start timestamptz, slot_end timestamptz, from_at timestamptz, to_at timestamptz
) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF holds AND from_at IS NOT NULL AND to_at IS NOT NULL AND from_at < to_at THEN
    INSERT INTO slot_holds (source_id, source, booking_id, resource_id, start_at, end_at, hold_start, hold_end)
      VALUES (holder, kind, owner, resource, slot_start, slot_end, from_at, to_at)
      ON CONFLICT (source_id) DO UPDATE
        SET resource_id = EXCLUDED.resource_id, start_at = EXCLUDED.start_at, end_at = EXCLUDED.end_at,
            hold_start = EXCLUDED.hold_start, hold_end = EXCLUDED.hold_end;
  ELSE
    DELETE FROM slot_holds WHERE source_id = holder;
  END IF;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION bookings_sync_slot_hold() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Only what decides the hold; other updates (a reference, a note) leave slot_holds alone.
  IF TG_OP = 'UPDATE'
     AND NEW.status IS NOT DISTINCT FROM OLD.status
     AND NEW.holds_slot IS NOT DISTINCT FROM OLD.holds_slot
     AND NEW.resource_id IS NOT DISTINCT FROM OLD.resource_id
     AND NEW.start_at IS NOT DISTINCT FROM OLD.start_at
     AND NEW.end_at IS NOT DISTINCT FROM OLD.end_at
     AND NEW.hold_start IS NOT DISTINCT FROM OLD.hold_start
     AND NEW.hold_end IS NOT DISTINCT FROM OLD.hold_end THEN
    RETURN NULL;
  END IF;
  PERFORM slot_hold_sync(
    NEW.id, 'booking', NEW.id,
    NEW.holds_slot AND NEW.status IN ('pending', 'needs_info', 'awaiting_confirmation', 'confirmed', 'in_use'),
    NEW.resource_id, NEW.start_at, NEW.end_at, NEW.hold_start, NEW.hold_end);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER bookings_slot_hold
  AFTER INSERT OR UPDATE ON bookings
  FOR EACH ROW EXECUTE FUNCTION bookings_sync_slot_hold();
--> statement-breakpoint
CREATE FUNCTION change_requests_sync_slot_hold() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND NEW.status IS NOT DISTINCT FROM OLD.status
     AND NEW.new_resource_id IS NOT DISTINCT FROM OLD.new_resource_id
     AND NEW.hold_start IS NOT DISTINCT FROM OLD.hold_start
     AND NEW.hold_end IS NOT DISTINCT FROM OLD.hold_end THEN
    RETURN NULL;
  END IF;
  PERFORM slot_hold_sync(
    NEW.id, 'change_request', NEW.booking_id, NEW.status = 'pending',
    NEW.new_resource_id, NEW.new_start_at, NEW.new_end_at, NEW.hold_start, NEW.hold_end);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER change_requests_slot_hold
  AFTER INSERT OR UPDATE ON change_requests
  FOR EACH ROW EXECUTE FUNCTION change_requests_sync_slot_hold();
--> statement-breakpoint
-- The holds already taken, before the guard: they were accepted under the old rules.
INSERT INTO slot_holds (source_id, source, booking_id, resource_id, start_at, end_at, hold_start, hold_end)
  SELECT id, 'booking', id, resource_id, start_at, end_at, hold_start, hold_end
    FROM bookings
   WHERE holds_slot AND status IN ('pending', 'needs_info', 'awaiting_confirmation', 'confirmed', 'in_use')
     AND hold_start IS NOT NULL AND hold_end IS NOT NULL;
--> statement-breakpoint
-- Writers of holds and of blackouts on one resource queue on the same advisory lock as
-- lockResourceSchedule (lib/booking/availability.ts), so a new hold and a new blackout can
-- never both miss each other. A blackout is never refused by holds already there (the bookings
-- it affects are flagged by the application); a new or widened hold is refused over a
-- blackout, as an exclusion violation (23P01) like any other taken slot.
CREATE FUNCTION slot_holds_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND NEW.resource_id = OLD.resource_id
     AND NEW.hold_start = OLD.hold_start
     AND NEW.hold_end = OLD.hold_end THEN
    RETURN NEW;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('booking-hold:' || NEW.resource_id::text));
  IF EXISTS (
    SELECT 1 FROM blackouts b
     WHERE b.resource_id = NEW.resource_id
       AND tstzrange(b.start_at, b.end_at, '[)') && tstzrange(NEW.hold_start, NEW.hold_end, '[)')
       -- On an update only the time newly taken counts: a blackout the old hold already lay
       -- under was accepted when it was added.
       AND NOT (TG_OP = 'UPDATE' AND NEW.resource_id = OLD.resource_id
                AND (tstzrange(b.start_at, b.end_at, '[)') * tstzrange(NEW.hold_start, NEW.hold_end, '[)'))
                    <@ tstzrange(OLD.hold_start, OLD.hold_end, '[)'))
  ) THEN
    RAISE EXCLUSION_VIOLATION USING
      MESSAGE = 'slot is blocked by a blackout',
      CONSTRAINT = 'slot_holds_no_blackout';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER slot_holds_guard
  BEFORE INSERT OR UPDATE ON slot_holds
  FOR EACH ROW EXECUTE FUNCTION slot_holds_guard();
--> statement-breakpoint
CREATE FUNCTION blackouts_lock_schedule() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('booking-hold:' || NEW.resource_id::text));
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER blackouts_lock_schedule
  BEFORE INSERT OR UPDATE ON blackouts
  FOR EACH ROW EXECUTE FUNCTION blackouts_lock_schedule();
--> statement-breakpoint
ALTER TABLE slot_holds ADD CONSTRAINT slot_holds_no_overlap
  EXCLUDE USING gist (resource_id WITH =, tstzrange(hold_start, hold_end, '[)') WITH &&, booking_id WITH <>);
--> statement-breakpoint
ALTER TABLE bookings DROP CONSTRAINT bookings_no_overlapping_hold;
