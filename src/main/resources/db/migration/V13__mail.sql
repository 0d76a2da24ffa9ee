-- E-mail notices to case handlers (docs/pages.md): who receives them and how often, and the mails to send.
-- A recipient is registered when they use the pages (address and language from their sign-in).
create table mail_recipient (
    subject     text primary key,
    authority   text        not null,
    email       text,
    language    text        not null default 'en',
    frequency   text        not null default 'IMMEDIATE' check (frequency in ('IMMEDIATE', 'DAILY', 'NONE')),
    updated_at  timestamptz not null
);
create index mail_recipient_authority on mail_recipient (authority) where frequency <> 'NONE';

-- One row per event and recipient: an event delivered twice by Kafka gives one mail, never two.
create table mail_outbox (
    id            bigint generated always as identity primary key,
    event_id      uuid        not null,
    recipient     text        not null,
    case_type     text        not null,
    case_id       uuid        not null,
    event_type    text        not null,
    digest        boolean     not null,
    due_at        timestamptz not null,
    attempts      int         not null default 0,
    claimed_until timestamptz,
    sent_at       timestamptz,
    failed_at     timestamptz,
    last_error    text,
    created_at    timestamptz not null,
    constraint mail_outbox_once unique (event_id, recipient)
);
create index mail_outbox_due on mail_outbox (due_at) where sent_at is null and failed_at is null;
