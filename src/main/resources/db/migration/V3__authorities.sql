-- The authority directory.

create table authority (
    id           uuid primary key,
    code         text        not null unique,
    member_state char(2)     not null references member_state (code),
    name         text        not null,
    alerts       text        not null default 'NONE' check (alerts in ('NONE', 'SEND', 'RECEIVE', 'SEND_AND_RECEIVE')),
    active       boolean     not null default true,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    version      bigint      not null default 0
);
create index authority_member_state on authority (member_state, code);
