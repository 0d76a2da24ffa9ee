-- Who read which personal data (IMI Regulation Art. 19 and GDPR Art. 15 need it; so does any proof of need-to-know),
-- and tamper-evident chains over it and over the event journal.

create table access_log (
    seq           bigint generated always as identity primary key,
    at            timestamptz not null,
    subject       text,
    client        text,
    authority     text,
    case_type     text,
    case_ids      uuid[],
    case_parties  text[],
    data_kinds    text[],
    purpose       text,
    -- content gone after the keeping time (3 years); the hashes stay, so the chain still verifies
    purged_at     timestamptz,
    chain_pos     bigint unique,
    content_sha256 text,
    prev_sha256   text,
    entry_sha256  text
);
create index access_log_unchained on access_log (seq) where chain_pos is null;
create index access_log_authority on access_log (authority, seq);
create index access_log_parties on access_log using gin (case_parties);
create index access_log_cases on access_log using gin (case_ids);
create index access_log_at on access_log (at) where purged_at is null;

alter table event_journal
    add column chain_pos bigint unique,
    add column content_sha256 text,
    add column prev_sha256 text,
    add column entry_sha256 text;
create index event_journal_unchained on event_journal (recorded_at, event_id) where chain_pos is null;

-- The head of each chain, and signed checkpoints (ed25519) every N entries or M minutes.
create table evidence_chain (
    name          text primary key,
    head_pos      bigint      not null,
    head_sha256   text        not null,
    checkpoint_pos bigint     not null,
    checkpoint_at timestamptz
);
insert into evidence_chain (name, head_pos, head_sha256, checkpoint_pos) values
    ('journal', 0, repeat('0', 64), 0),
    ('access', 0, repeat('0', 64), 0);

create table evidence_checkpoint (
    id            bigint generated always as identity primary key,
    chain         text        not null references evidence_chain (name),
    pos           bigint      not null,
    head_sha256   text        not null,
    at            timestamptz not null,
    key_id        text        not null,
    signature     text        not null,
    constraint evidence_checkpoint_once unique (chain, pos)
);
