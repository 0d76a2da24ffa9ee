-- Data protection (IMI Regulation Art. 14): personal data of a closed request are blocked, later deleted. The case
-- skeleton (parties, dates, states, catalogue questions, attachments' SHA-256) stays as proof of the exchange.

alter table information_request
    add column personal_data text not null default 'ACTIVE' check (personal_data in ('ACTIVE', 'BLOCKED', 'DELETED')),
    add column personal_data_blocked_at timestamptz,
    add column personal_data_deleted_at timestamptz,
    alter column professional drop not null;

alter table request_attachment
    alter column content drop not null,
    alter column file_name drop not null;

alter table request_timeline
    add column detail_deleted boolean not null default false;

-- The retention engine: one row per pending blocking or deletion, indexed by when it is due (the deadline engine's
-- pattern: claimed in batches FOR UPDATE SKIP LOCKED, late ones fire at the next run).
create table retention_task (
    id          bigint generated always as identity primary key,
    case_type   text        not null check (case_type in ('REQUEST')),
    case_id     uuid        not null,
    action      text        not null check (action in ('BLOCK', 'DELETE')),
    due_at      timestamptz not null,
    state       text        not null check (state in ('PENDING', 'DONE', 'CANCELLED')),
    created_at  timestamptz not null,
    done_at     timestamptz
);
create index retention_task_due on retention_task (due_at) where state = 'PENDING';
create unique index retention_task_once on retention_task (case_id, action) where state = 'PENDING';

-- A data-protection officer of a party lifts the blocking of one case for its own authority, for a stated reason and
-- a limited time (proof of the exchange), and a party deletes early with the professional's consent. Both recorded.
create table personal_data_decision (
    id          bigint generated always as identity primary key,
    case_type   text        not null check (case_type in ('REQUEST')),
    case_id     uuid        not null,
    kind        text        not null check (kind in ('UNBLOCK', 'EARLY_DELETION')),
    authority   text        not null,
    officer     text        not null,
    reason      text        not null,
    consent     text,
    at          timestamptz not null,
    until       timestamptz
);
create index personal_data_decision_case on personal_data_decision (case_id, at);

create index idempotency_record_created on idempotency_record (created_at);
