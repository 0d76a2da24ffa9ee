-- Reference data: the 30 EEA member states (EU27 + Iceland, Liechtenstein, Norway) and their official languages
-- (ISO 639-1). Production data: shipped to every installation.

create table member_state (
    code      char(2) primary key,
    name      text    not null,
    languages text[]  not null,
    eu        boolean not null
);

insert into member_state (code, name, languages, eu) values
    ('AT', 'Austria', '{de}', true),
    ('BE', 'Belgium', '{nl,fr,de}', true),
    ('BG', 'Bulgaria', '{bg}', true),
    ('HR', 'Croatia', '{hr}', true),
    ('CY', 'Cyprus', '{el}', true),
    ('CZ', 'Czechia', '{cs}', true),
    ('DK', 'Denmark', '{da}', true),
    ('EE', 'Estonia', '{et}', true),
    ('FI', 'Finland', '{fi,sv}', true),
    ('FR', 'France', '{fr}', true),
    ('DE', 'Germany', '{de}', true),
    ('GR', 'Greece', '{el}', true),
    ('HU', 'Hungary', '{hu}', true),
    ('IE', 'Ireland', '{en,ga}', true),
    ('IT', 'Italy', '{it}', true),
    ('LV', 'Latvia', '{lv}', true),
    ('LT', 'Lithuania', '{lt}', true),
    ('LU', 'Luxembourg', '{fr,de}', true),
    ('MT', 'Malta', '{mt,en}', true),
    ('NL', 'Netherlands', '{nl}', true),
    ('PL', 'Poland', '{pl}', true),
    ('PT', 'Portugal', '{pt}', true),
    ('RO', 'Romania', '{ro}', true),
    ('SK', 'Slovakia', '{sk}', true),
    ('SI', 'Slovenia', '{sl}', true),
    ('ES', 'Spain', '{es}', true),
    ('SE', 'Sweden', '{sv}', true),
    ('IS', 'Iceland', '{is}', false),
    ('LI', 'Liechtenstein', '{de}', false),
    ('NO', 'Norway', '{no}', false);
