-- The dispatcher takes due deliveries in (next_attempt_at, id) order: with both columns in the index a claim reads
-- the first few hundred entries and stops, instead of sorting every due delivery (an alert to 10,000 endpoints).
create index webhook_delivery_due_order on webhook_delivery (next_attempt_at, id) where state = 'PENDING';
drop index webhook_delivery_due;
