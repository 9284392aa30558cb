-- hand-written: a new request is numbered by the database as it is written, once it is sure to
-- hold its slot. A refused request must not consume a BK number (no gaps); drawing the number
-- only after the hold was taken used to cost a second write of the row (a provisional
-- reference, then an UPDATE that rewrote the row and every index on bookings).
--
-- Under the resource's schedule lock (the lock every writer of holds and blackouts takes,
-- lib/booking/availability.ts lockResourceSchedule), the probe's queries see every hold and
-- blackout committed before it (each statement of a volatile function takes a fresh snapshot).
-- What the probe lets through, the hold's insert (AFTER trigger bookings_slot_hold) will accept;
-- the exclusion constraint on slot_holds stays the arbiter.
CREATE FUNCTION slot_hold_probe(resource uuid, from_at timestamptz, to_at timestamptz) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('booking-hold:' || resource::text));
  IF EXISTS (
    SELECT 1 FROM slot_holds h
     WHERE h.resource_id = resource
       AND tstzrange(h.hold_start, h.hold_end, '[)') && tstzrange(from_at, to_at, '[)')
  ) THEN
    RAISE EXCLUSION_VIOLATION USING MESSAGE = 'slot is already held', CONSTRAINT = 'slot_holds_no_overlap';
  END IF;
  IF EXISTS (
    SELECT 1 FROM blackouts b
     WHERE b.resource_id = resource
       AND tstzrange(b.start_at, b.end_at, '[)') && tstzrange(from_at, to_at, '[)')
  ) THEN
    RAISE EXCLUSION_VIOLATION USING MESSAGE = 'slot is blocked by a blackout', CONSTRAINT = 'slot_holds_no_blackout';
  END IF;
END;
$$;
--> statement-breakpoint
-- A booking inserted without a reference gets BK-<year in the organisation's zone>-<6 digits>.
CREATE OR REPLACE FUNCTION booking_set_hold_range() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  setup_minutes integer;
  cleanup_minutes integer;
  zone text;
BEGIN
  IF TG_OP = 'INSERT'
     OR NEW.start_at IS DISTINCT FROM OLD.start_at
     OR NEW.end_at IS DISTINCT FROM OLD.end_at
     OR NEW.resource_id IS DISTINCT FROM OLD.resource_id THEN
    SELECT setup_buffer_minutes, cleanup_buffer_minutes INTO setup_minutes, cleanup_minutes
      FROM resources WHERE id = NEW.resource_id;
    NEW.hold_start := NEW.start_at - make_interval(mins => COALESCE(setup_minutes, 0));
    NEW.hold_end := NEW.end_at + make_interval(mins => COALESCE(cleanup_minutes, 0));
  END IF;
  IF TG_OP = 'INSERT' AND NEW.reference IS NULL THEN
    IF NEW.holds_slot AND NEW.status IN ('pending', 'needs_info', 'awaiting_confirmation', 'confirmed', 'in_use') THEN
      PERFORM slot_hold_probe(NEW.resource_id, NEW.hold_start, NEW.hold_end);
    END IF;
    SELECT time_zone INTO zone FROM policy_settings WHERE id = 1;
    NEW.reference := 'BK-' || to_char(NEW.submitted_at AT TIME ZONE COALESCE(zone, 'Asia/Shanghai'), 'YYYY') || '-'
                     || lpad(nextval('booking_reference_seq')::text, 6, '0');
  END IF;
  RETURN NEW;
END;
$$;
