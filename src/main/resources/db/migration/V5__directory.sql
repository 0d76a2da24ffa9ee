-- The directory in full: what each authority is competent for, its names and contact; coordinators.

alter table authority
    add column names             jsonb  not null default '{}',
    add column working_languages text[] not null default '{}',
    add column professions       text[] not null default '{}',
    add column policy_areas      text[] not null default '{}',
    add column contact_email     text,
    add column contact_phone     text,
    add column website           text;

create index authority_professions on authority using gin (professions);
create index authority_name_lower on authority (lower(name));

create table coordinator (
    id            uuid primary key,
    code          text        not null unique,
    kind          text        not null check (kind in ('NATIONAL', 'POLICY_AREA', 'ALERT_INCOMING')),
    member_state  char(2)     not null references member_state (code),
    policy_area   text references policy_area (code),
    name          text        not null,
    contact_email text,
    active        boolean     not null default true,
    created_at    timestamptz not null,
    version       bigint      not null default 0,
    constraint coordinator_area_matches_kind check ((kind = 'POLICY_AREA') = (policy_area is not null))
);
create index coordinator_member_state on coordinator (member_state, kind);
