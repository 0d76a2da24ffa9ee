-- The messaging spine: transactional outbox, consumers' processed-event log, event journal.

create table outbox_message (
    seq          bigint generated always as identity primary key,
    event_id     uuid        not null,
    topic        text        not null,
    event_key    text        not null,
    event_type   text        not null,
    payload      text        not null,
    created_at   timestamptz not null,
    published_at timestamptz,
    constraint outbox_message_event_topic unique (event_id, topic)
);
-- the relay reads only pending rows, in order
create index outbox_message_pending on outbox_message (seq) where published_at is null;
create index outbox_message_published on outbox_message (published_at) where published_at is not null;

create table processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null,
    primary key (consumer, event_id)
);

create table event_journal (
    event_id        uuid primary key,
    event_type      text        not null,
    source          text        not null,
    subject         text        not null,
    event_time      timestamptz not null,
    topic           text        not null,
    envelope_sha256 text        not null,
    recorded_at     timestamptz not null
);
create index event_journal_subject on event_journal (subject, event_time);
