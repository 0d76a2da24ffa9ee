-- The deadline engine: one row per running timer, indexed by when it next fires.

create table deadline_timer (
    id            bigint generated always as identity primary key,
    case_type     text        not null check (case_type in ('REQUEST', 'ALERT')),
    case_id       uuid        not null,
    reference     text        not null,
    kind          text        not null check (kind in ('ACCEPTANCE', 'ANSWER', 'FURTHER_INFO', 'INACTIVITY')),
    party         text        not null,
    party_state   char(2)     not null,
    due_at        timestamptz not null,
    stage         text        not null check (stage in ('REMINDER', 'OVERDUE', 'ESCALATION')),
    next_fire_at  timestamptz not null,
    state         text        not null check (state in ('PENDING', 'DONE', 'CANCELLED')),
    reminded_at   timestamptz,
    overdue_at    timestamptz,
    escalated_at  timestamptz,
    created_at    timestamptz not null,
    ended_at      timestamptz
);
-- the engine's only query: pending timers in firing order
create index deadline_timer_due on deadline_timer (next_fire_at) where state = 'PENDING';
create index deadline_timer_case on deadline_timer (case_id) where state <> 'CANCELLED';
create index deadline_timer_party on deadline_timer (party, due_at) where state <> 'CANCELLED';
