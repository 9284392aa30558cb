-- First come, first served, enforced by PostgreSQL (product rule 1).
--
-- A booking holds [start - set-up buffer, end + clean-up buffer) of its resource while its
-- status is one of the holding statuses and it was registered with a hold. The buffers are
-- copied from the resource when the booking is written, so editing a resource later does
-- not shift bookings already made. The range is half-open, so back-to-back bookings fit.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
CREATE FUNCTION booking_set_hold_range() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  setup_minutes integer;
  cleanup_minutes integer;
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
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER bookings_hold_range
  BEFORE INSERT OR UPDATE ON bookings
  FOR EACH ROW EXECUTE FUNCTION booking_set_hold_range();
--> statement-breakpoint
ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlapping_hold
  EXCLUDE USING gist (resource_id WITH =, tstzrange(hold_start, hold_end, '[)') WITH &&)
  WHERE (holds_slot AND status IN ('pending', 'needs_info', 'awaiting_confirmation', 'confirmed', 'in_use'));
