-- hand-written:
-- A displaced booking's status reason is the code `displaced` (shown in the reader's language,
-- lib/booking/status-reason.ts), no longer an English sentence; its history event carries no note.
UPDATE "bookings" SET "status_reason" = 'displaced' WHERE "status_reason" = 'displaced for a customer';
--> statement-breakpoint
UPDATE "booking_events" SET "note" = NULL WHERE "action" = 'displaced' AND "note" = 'displaced for a customer';
--> statement-breakpoint
UPDATE "booking_events" SET "note" = NULL WHERE "action" = 'decline' AND "note" = 'declined by e-mail reply';
