-- The indicators' pre-aggregate by month as well as by day: a period of whole months (the dashboards' usual question)
-- sums one row per authority, area, procedure and month; only the partial months at a period's ends read day rows.
-- Kept exact by the same trigger function, in the same transactions.

create table indicator_month (
    responder       text    not null,
    responder_state char(2) not null,
    policy_area     text    not null,
    procedure       text    not null,
    month           date    not null,   -- first day of the month of sending, in UTC
    sent            bigint  not null,
    accept_decided  bigint  not null,
    accepted_in_7   bigint  not null,
    answered        bigint  not null,
    answer_seconds  numeric not null,
    agreed_decided  bigint  not null,
    on_time         bigint  not null,
    primary key (responder_state, month, responder, policy_area, procedure)
);

insert into indicator_month
select responder, responder_state, policy_area, procedure, date_trunc('month', day)::date, sum(sent),
       sum(accept_decided), sum(accepted_in_7), sum(answered), sum(answer_seconds), sum(agreed_decided), sum(on_time)
from indicator_day
group by 1, 2, 3, 4, 5;

create or replace function indicator_day_add(r information_request, sign int) returns void
    language plpgsql as
$$
declare
    d               date;
    accept_decided  int;
    accepted_in_7   int;
    answered        int;
    answer_seconds  numeric;
    agreed_decided  int;
    on_time         int;
begin
    if r.sent_at is null then
        return;
    end if;
    d := (r.sent_at at time zone 'UTC')::date;
    accept_decided := sign * (r.accepted_at is not null or r.acceptance_overdue_at is not null)::int;
    accepted_in_7 := sign * (r.accepted_at is not null and r.accepted_at <= r.sent_at + interval '7 days')::int;
    answered := sign * (r.answered_at is not null)::int;
    answer_seconds := sign * coalesce(extract(epoch from (r.answered_at - r.sent_at)), 0);
    agreed_decided := sign * (r.agreed_due_date is not null
        and (r.answered_at is not null or r.answer_overdue_at is not null))::int;
    on_time := sign * (r.agreed_due_date is not null and r.answered_at is not null
        and r.answered_at < (r.agreed_due_date + 1)::timestamp at time zone 'UTC')::int;
    insert into indicator_day as x (responder, responder_state, policy_area, procedure, day, sent, accept_decided,
                                    accepted_in_7, answered, answer_seconds, agreed_decided, on_time)
    values (r.responder, r.responder_state, r.policy_area, r.procedure, d, sign, accept_decided, accepted_in_7,
            answered, answer_seconds, agreed_decided, on_time)
    on conflict (responder_state, day, responder, policy_area, procedure) do update
        set sent           = x.sent + excluded.sent,
            accept_decided = x.accept_decided + excluded.accept_decided,
            accepted_in_7  = x.accepted_in_7 + excluded.accepted_in_7,
            answered       = x.answered + excluded.answered,
            answer_seconds = x.answer_seconds + excluded.answer_seconds,
            agreed_decided = x.agreed_decided + excluded.agreed_decided,
            on_time        = x.on_time + excluded.on_time;
    insert into indicator_month as x (responder, responder_state, policy_area, procedure, month, sent, accept_decided,
                                      accepted_in_7, answered, answer_seconds, agreed_decided, on_time)
    values (r.responder, r.responder_state, r.policy_area, r.procedure, date_trunc('month', d)::date, sign,
            accept_decided, accepted_in_7, answered, answer_seconds, agreed_decided, on_time)
    on conflict (responder_state, month, responder, policy_area, procedure) do update
        set sent           = x.sent + excluded.sent,
            accept_decided = x.accept_decided + excluded.accept_decided,
            accepted_in_7  = x.accepted_in_7 + excluded.accepted_in_7,
            answered       = x.answered + excluded.answered,
            answer_seconds = x.answer_seconds + excluded.answer_seconds,
            agreed_decided = x.agreed_decided + excluded.agreed_decided,
            on_time        = x.on_time + excluded.on_time;
end
$$;

-- Every step rewrites a few aggregate rows: room on each page lets PostgreSQL update them in place (HOT updates, no
-- index entry per update), and autovacuum reclaims the old versions sooner on these small, hot tables.
alter table indicator_day set (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.05);
alter table indicator_month set (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.02);
