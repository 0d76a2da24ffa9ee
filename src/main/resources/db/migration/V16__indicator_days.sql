-- IMI's timeliness indicators, pre-aggregated per responding authority, policy area, procedure and day of sending
-- (UTC), kept exact by triggers in the same transactions that record the steps: every change of a request's recorded
-- times takes its old contribution out and puts its new one in. Dashboards and the indicators API sum these rows;
-- nothing is computed from the clock at read time.

-- When the deadline engine recorded that a request's acceptance or answer deadline passed with the step still owed.
alter table information_request
    add column acceptance_overdue_at timestamptz,
    add column answer_overdue_at     timestamptz;

create table indicator_day (
    responder       text    not null,
    responder_state char(2) not null,
    policy_area     text    not null,
    procedure       text    not null,
    day             date    not null,   -- the day the request was sent, in UTC
    sent            bigint  not null,
    accept_decided  bigint  not null,   -- accepted, or its acceptance deadline passed unaccepted
    accepted_in_7   bigint  not null,   -- accepted within 7 days of sending
    answered        bigint  not null,
    answer_seconds  numeric not null,   -- sum over the answered of (answered_at - sent_at)
    agreed_decided  bigint  not null,   -- with an agreed due date, and answered or its answer deadline passed
    on_time         bigint  not null,   -- answered by the end of the agreed due date (UTC)
    primary key (responder_state, day, responder, policy_area, procedure)
);
create index indicator_day_authority on indicator_day (responder, day);

create function indicator_day_add(r information_request, sign int) returns void
    language plpgsql as
$$
begin
    if r.sent_at is null then
        return;
    end if;
    insert into indicator_day as d (responder, responder_state, policy_area, procedure, day, sent, accept_decided,
                                    accepted_in_7, answered, answer_seconds, agreed_decided, on_time)
    values (r.responder, r.responder_state, r.policy_area, r.procedure, (r.sent_at at time zone 'UTC')::date, sign,
            sign * (r.accepted_at is not null or r.acceptance_overdue_at is not null)::int,
            sign * (r.accepted_at is not null and r.accepted_at <= r.sent_at + interval '7 days')::int,
            sign * (r.answered_at is not null)::int,
            sign * coalesce(extract(epoch from (r.answered_at - r.sent_at)), 0),
            sign * (r.agreed_due_date is not null
                and (r.answered_at is not null or r.answer_overdue_at is not null))::int,
            sign * (r.agreed_due_date is not null and r.answered_at is not null
                and r.answered_at < (r.agreed_due_date + 1)::timestamp at time zone 'UTC')::int)
    on conflict (responder_state, day, responder, policy_area, procedure) do update
        set sent           = d.sent + excluded.sent,
            accept_decided = d.accept_decided + excluded.accept_decided,
            accepted_in_7  = d.accepted_in_7 + excluded.accepted_in_7,
            answered       = d.answered + excluded.answered,
            answer_seconds = d.answer_seconds + excluded.answer_seconds,
            agreed_decided = d.agreed_decided + excluded.agreed_decided,
            on_time        = d.on_time + excluded.on_time;
end
$$;

create function indicator_day_track() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'UPDATE' then
        perform indicator_day_add(old, -1);
    end if;
    perform indicator_day_add(new, 1);
    return null;
end
$$;

create trigger information_request_indicators_insert
    after insert on information_request
    for each row when (new.sent_at is not null)
execute function indicator_day_track();

create trigger information_request_indicators_update
    after update on information_request
    for each row when ((old.sent_at, old.accepted_at, old.answered_at, old.agreed_due_date, old.acceptance_overdue_at,
                        old.answer_overdue_at, old.responder, old.responder_state, old.policy_area, old.procedure)
        is distinct from (new.sent_at, new.accepted_at, new.answered_at, new.agreed_due_date,
                          new.acceptance_overdue_at, new.answer_overdue_at, new.responder, new.responder_state,
                          new.policy_area, new.procedure))
execute function indicator_day_track();

-- The deadline engine's overdue notice (or escalation) on a request's acceptance or answer is the recorded time that
-- decides an indicator for a step still owed.
create function deadline_timer_marks_request() returns trigger
    language plpgsql as
$$
declare
    passed timestamptz := coalesce(new.overdue_at, new.escalated_at);
begin
    if new.kind = 'ACCEPTANCE' then
        update information_request set acceptance_overdue_at = passed
        where id = new.case_id and acceptance_overdue_at is null and accepted_at is null;
    else
        update information_request set answer_overdue_at = passed
        where id = new.case_id and answer_overdue_at is null and answered_at is null;
    end if;
    return null;
end
$$;

create trigger deadline_timer_request_overdue
    after update on deadline_timer
    for each row when (new.case_type = 'REQUEST' and new.kind in ('ACCEPTANCE', 'ANSWER')
        and old.overdue_at is null and old.escalated_at is null
        and (new.overdue_at is not null or new.escalated_at is not null))
execute function deadline_timer_marks_request();

-- Requests sent before this migration.
insert into indicator_day (responder, responder_state, policy_area, procedure, day, sent, accept_decided,
                           accepted_in_7, answered, answer_seconds, agreed_decided, on_time)
select responder, responder_state, policy_area, procedure, (sent_at at time zone 'UTC')::date, count(*),
       count(*) filter (where accepted_at is not null),
       count(*) filter (where accepted_at <= sent_at + interval '7 days'),
       count(*) filter (where answered_at is not null),
       coalesce(sum(extract(epoch from (answered_at - sent_at))), 0),
       count(*) filter (where agreed_due_date is not null and answered_at is not null),
       count(*) filter (where agreed_due_date is not null
           and answered_at < (agreed_due_date + 1)::timestamp at time zone 'UTC')
from information_request
where sent_at is not null
group by 1, 2, 3, 4, 5;

-- Alerts by sending month for the dashboards: by issuing state, and by receiving state.
create index alert_issuer_state on alert (issuer_state, broadcast_at);
create index alert_recipient_state on alert_recipient (member_state, alert_id);
