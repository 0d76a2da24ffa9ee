-- The number of timeline entries of a request, kept on the request: the next entry's number without a count query
-- (a count per step was 7% of the hub's CPU in the exchange benchmark's profile).
alter table information_request add column timeline_length int not null default 0;
update information_request r set timeline_length = (select count(*) from request_timeline t where t.request_id = r.id);
