-- Professional alerts (Directive 2005/36/EC Article 56a): the alert, its recipients with the coordinator hop and
-- receipts. The inbox becomes common to requests and alerts.

create table alert (
    id                          uuid primary key,
    reference                   text        not null unique,
    issuer                      text        not null references authority (code),
    issuer_state                char(2)     not null,
    profession                  text        not null references profession (code),
    specialty                   text,
    alert_type                  text        not null check (alert_type in ('RESTRICTION_OR_PROHIBITION', 'FALSIFIED_QUALIFICATION')),
    scope                       text        not null check (scope in ('FULL_PROHIBITION', 'PARTIAL_RESTRICTION', 'NOT_APPLICABLE')),
    restriction                 text,
    deciding_body               text        not null,
    decision_date               date        not null,
    period_from                 date        not null,
    period_until                date,
    professional                jsonb,
    professional_key            text,
    state                       text        not null check (state in ('ACTIVE', 'WITHDRAWN', 'EXPIRED')),
    broadcast_at                timestamptz not null,
    late                        boolean     not null,
    professional_informed_on    date,
    professional_informed_means text,
    personal_data_removed_at    timestamptz,
    ended_at                    timestamptz,
    created_at                  timestamptz not null,
    updated_at                  timestamptz not null,
    version                     bigint      not null default 0,
    constraint alert_period check (period_until is null or period_until >= period_from)
);
create index alert_issuer on alert (issuer, broadcast_at desc);
create index alert_expiry on alert (period_until) where state = 'ACTIVE';
-- one active alert per issuer, professional, profession and decision
create unique index alert_no_repeat on alert (issuer, professional_key, profession, decision_date) where state = 'ACTIVE';

create table alert_recipient (
    alert_id        uuid        not null references alert (id),
    authority       text        not null,
    member_state    char(2)     not null,
    via_coordinator text,
    routed_at       timestamptz,
    coordinator_passed_at timestamptz,
    received_at     timestamptz,
    read_at         timestamptz,
    primary key (alert_id, authority)
);
create index alert_recipient_authority on alert_recipient (authority);

create sequence alert_reference_seq;

alter table inbox_entry rename column request_id to case_id;
alter table inbox_entry add column case_type text not null default 'REQUEST';
