-- Webhook adapters: subscriptions of authorities and coordinators, their signing secrets, the events to push, and a
-- durable delivery queue claimed with SKIP LOCKED.

create table webhook_subscription (
    id                  uuid        primary key,
    owner               text        not null,   -- an authority code or a coordinator code
    owner_kind          text        not null check (owner_kind in ('AUTHORITY', 'COORDINATOR')),
    url                 text        not null,
    description         text,
    -- CloudEvents type patterns ('*' matches any run of characters), stored as SQL LIKE patterns too
    event_types         text[]      not null,
    type_patterns       text[]      not null,
    member_states       text[],                 -- null: every member state
    professions         text[],                 -- null: every profession
    mode                text        not null check (mode in ('STRUCTURED', 'BINARY', 'TRANSFORMED')),
    transform           text,                   -- the JSLT template of TRANSFORMED
    ordered             boolean     not null default false,
    rate_limit          integer,                -- deliveries per second, null: no limit
    status              text        not null check (status in ('ACTIVE', 'DISABLED', 'DELETED')),
    disabled_reason     text,
    failing_since       timestamptz,            -- first failure after the last success
    throttled_until     timestamptz,            -- the endpoint asked to slow down (429, 502, 503, 504)
    last_success_at     timestamptz,
    last_failure_at     timestamptz,
    last_error          text,
    created_by          text        not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    version             bigint      not null default 0
);
create index webhook_subscription_owner on webhook_subscription (owner) where status = 'ACTIVE';

-- Signing secrets: HMAC ('whsec_') and optionally ed25519 per endpoint; a rotated secret signs on until expires_at.
create table webhook_secret (
    id              bigint generated always as identity primary key,
    subscription_id uuid        not null references webhook_subscription (id),
    kind            text        not null check (kind in ('HMAC', 'ED25519')),
    secret          text        not null,       -- whsec_... or the PKCS#8 private key (base64)
    public_key      text,                       -- whpk_... for ED25519
    created_at      timestamptz not null,
    expires_at      timestamptz                 -- null: current
);
create index webhook_secret_subscription on webhook_secret (subscription_id);

-- One row per event to push (the structured CloudEvent as received from Kafka).
create table webhook_message (
    event_id      uuid        primary key,
    event_type    text        not null,
    case_id       text        not null,
    member_states text[]      not null,   -- the member states of the case's parties (for coordinators' filters)
    profession    text,
    body          text        not null,
    created_at    timestamptz not null
);

create table webhook_delivery (
    id               bigint generated always as identity primary key,
    subscription_id  uuid        not null references webhook_subscription (id),
    event_id         uuid        not null references webhook_message (event_id),
    case_id          text        not null,
    state            text        not null check (state in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz not null,
    created_at       timestamptz not null,
    delivered_at     timestamptz,
    last_status      integer,
    last_error       text,
    unique (subscription_id, event_id)
);
-- the dispatcher's query: pending deliveries in due order; ordered lanes look up earlier ones per case
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where state = 'PENDING';
create index webhook_delivery_lane on webhook_delivery (subscription_id, case_id, id) where state = 'PENDING';
create index webhook_delivery_log on webhook_delivery (subscription_id, id);

create table webhook_attempt (
    id              bigint generated always as identity primary key,
    delivery_id     bigint      not null references webhook_delivery (id),
    subscription_id uuid        not null,
    attempt         integer     not null,
    started_at      timestamptz not null,
    latency_ms      integer,
    status          integer,                  -- HTTP status, null when no response
    error           text,
    response        text,                     -- the first 1 KiB of the response body
    next_attempt_at timestamptz
);
create index webhook_attempt_delivery on webhook_attempt (delivery_id, id);
create index webhook_attempt_subscription on webhook_attempt (subscription_id, started_at);

-- Per-owner network allow-list (government private networks), kept by hub administrators.
create table webhook_allow_list (
    owner       text        primary key,
    cidrs       text[]      not null,
    hosts       text[]      not null,
    updated_by  text        not null,
    updated_at  timestamptz not null
);
