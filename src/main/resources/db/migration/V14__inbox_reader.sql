-- What each person has seen of their authority's inbox: entries after this cursor are new to them.
create table inbox_reader (
    subject      text   not null,
    authority    text   not null,
    seen_cursor  bigint not null,
    primary key (subject, authority)
);
