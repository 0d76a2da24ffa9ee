-- Coordinators' notes on deadlines they follow.

create table deadline_note (
    id          bigint generated always as identity primary key,
    timer_id    bigint      not null references deadline_timer (id),
    coordinator text        not null,
    author      text        not null,
    text        text        not null,
    at          timestamptz not null
);
create index deadline_note_timer on deadline_note (timer_id, id);
