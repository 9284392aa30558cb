-- hand-written: the public channel's cap on open requests per e-mail address, checked inside the
-- statement that writes the request (lib/customer/create-public.ts), which therefore needs no
-- transaction of its own. Requests from one address are serialized by an advisory lock held to
-- the end of the transaction — that statement's — and the count must see every request committed
-- before the lock was granted. A statement's snapshot is taken when it starts, before it waits
-- on the lock; but each statement of a volatile function takes a fresh one, and this count
-- starts after the lock. Over the cap it raises SQLSTATE BK001 (db/errors.ts) before the booking
-- row is formed, so no BK number is drawn. Which statuses have ended is the application's rule
-- (lib/booking/state.ts), passed in, as is the cap (a policy setting).
CREATE FUNCTION customer_open_request_cap(address text, ending_after timestamptz, ended booking_status[], cap integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  open_requests integer;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('customer-open:' || address, 0));
  SELECT count(*) INTO open_requests FROM bookings b
   WHERE lower(b.contact_email) = address
     AND b.requester_kind = 'customer'
     AND b.channel = 'public'
     AND b.status <> ALL (ended)
     AND b.end_at > ending_after;
  IF open_requests >= cap THEN
    RAISE EXCEPTION USING ERRCODE = 'BK001', MESSAGE = 'too many open requests for this address';
  END IF;
END;
$$;
