-- Deadline policy per procedure: each timer remembers the procedure whose policy (reminder offset, escalation,
-- calendar) applies to it.
alter table deadline_timer add column procedure text not null default 'general';
