-- Information requests: the question catalogue (production data, versioned), requests, their questions and answers,
-- (questions and answers as a JSON list inside the request, versioned with it), attachments, timeline, inboxes and idempotency keys.

create table question (
    catalogue_version int     not null,
    code              text    not null,
    category          text    not null check (category in ('PROFESSION', 'PROFESSIONAL', 'QUALIFICATION', 'EXPERIENCE', 'EXERCISE', 'ATTACHMENTS')),
    question_group    text    not null check (question_group in ('GENERAL', 'ESTABLISHMENT', 'TEMPORARY_PROVISION')),
    answer_type       text    not null check (answer_type in ('YES_NO', 'DATE', 'TEXT', 'CHOICE', 'ATTACHMENT')),
    choices           jsonb,
    texts             jsonb   not null,
    primary key (catalogue_version, code)
);

insert into question (catalogue_version, code, category, question_group, answer_type, choices, texts) values
    (1, 'PQ-G-PRO-01', 'PROFESSION', 'GENERAL', 'YES_NO', null, '{"en": "Is the profession regulated in your member state?", "fr": "La profession est-elle réglementée dans votre État membre ?", "nl": "Is het beroep in uw lidstaat gereglementeerd?", "de": "Ist der Beruf in Ihrem Mitgliedstaat reglementiert?"}'),
    (1, 'PQ-G-PRO-02', 'PROFESSION', 'GENERAL', 'TEXT', null, '{"en": "What is the exact title of the profession in your member state?", "fr": "Quel est le titre exact de la profession dans votre État membre ?", "nl": "Wat is de precieze beroepstitel in uw lidstaat?", "de": "Wie lautet die genaue Berufsbezeichnung in Ihrem Mitgliedstaat?"}'),
    (1, 'PQ-G-PER-01', 'PROFESSIONAL', 'GENERAL', 'YES_NO', null, '{"en": "Is the person registered with your authority?", "fr": "La personne est-elle inscrite auprès de votre autorité ?", "nl": "Is de persoon bij uw autoriteit ingeschreven?", "de": "Ist die Person bei Ihrer Behörde eingetragen?"}'),
    (1, 'PQ-G-PER-02', 'PROFESSIONAL', 'GENERAL', 'DATE', null, '{"en": "Since when is the person registered?", "fr": "Depuis quelle date la personne est-elle inscrite ?", "nl": "Sinds wanneer is de persoon ingeschreven?", "de": "Seit wann ist die Person eingetragen?"}'),
    (1, 'PQ-G-QUA-01', 'QUALIFICATION', 'GENERAL', 'YES_NO', null, '{"en": "Is the attached diploma authentic?", "fr": "Le diplôme joint est-il authentique ?", "nl": "Is het bijgevoegde diploma echt?", "de": "Ist das beigefügte Diplom echt?"}'),
    (1, 'PQ-G-QUA-02', 'QUALIFICATION', 'GENERAL', 'CHOICE', '["AUTOMATIC_RECOGNITION", "ACQUIRED_RIGHTS", "GENERAL_SYSTEM", "NOT_RECOGNISED"]', '{"en": "Under which regime does the qualification give access to the profession?", "fr": "Sous quel régime la qualification donne-t-elle accès à la profession ?", "nl": "Onder welke regeling geeft de kwalificatie toegang tot het beroep?", "de": "Nach welcher Regelung eröffnet die Qualifikation den Zugang zum Beruf?"}'),
    (1, 'PQ-G-QUA-03', 'QUALIFICATION', 'GENERAL', 'DATE', null, '{"en": "On what date was the diploma awarded?", "fr": "À quelle date le diplôme a-t-il été délivré ?", "nl": "Op welke datum is het diploma uitgereikt?", "de": "An welchem Datum wurde das Diplom verliehen?"}'),
    (1, 'PQ-G-QUA-04', 'QUALIFICATION', 'GENERAL', 'YES_NO', null, '{"en": "Does the training meet the minimum training requirements of Directive 2005/36/EC?", "fr": "La formation satisfait-elle aux conditions minimales de formation de la directive 2005/36/CE ?", "nl": "Voldoet de opleiding aan de minimale opleidingseisen van Richtlijn 2005/36/EG?", "de": "Erfüllt die Ausbildung die Mindestanforderungen der Richtlinie 2005/36/EG?"}'),
    (1, 'PQ-E-EXP-01', 'EXPERIENCE', 'ESTABLISHMENT', 'TEXT', null, '{"en": "Describe the professional experience of the person in your member state.", "fr": "Décrivez l''expérience professionnelle de la personne dans votre État membre.", "nl": "Beschrijf de beroepservaring van de persoon in uw lidstaat.", "de": "Beschreiben Sie die Berufserfahrung der Person in Ihrem Mitgliedstaat."}'),
    (1, 'PQ-E-EXP-02', 'EXPERIENCE', 'ESTABLISHMENT', 'YES_NO', null, '{"en": "Has the person practised the profession for at least three of the last five years?", "fr": "La personne a-t-elle exercé la profession pendant au moins trois des cinq dernières années ?", "nl": "Heeft de persoon het beroep ten minste drie van de laatste vijf jaar uitgeoefend?", "de": "Hat die Person den Beruf in mindestens drei der letzten fünf Jahre ausgeübt?"}'),
    (1, 'PQ-G-EXE-01', 'EXERCISE', 'GENERAL', 'YES_NO', null, '{"en": "Is the person legally established and entitled to practise without restriction?", "fr": "La personne est-elle légalement établie et autorisée à exercer sans restriction ?", "nl": "Is de persoon wettig gevestigd en zonder beperking bevoegd het beroep uit te oefenen?", "de": "Ist die Person rechtmäßig niedergelassen und ohne Einschränkung zur Berufsausübung berechtigt?"}'),
    (1, 'PQ-G-EXE-02', 'EXERCISE', 'GENERAL', 'YES_NO', null, '{"en": "Is the person subject to a disciplinary or criminal sanction related to the profession?", "fr": "La personne fait-elle l''objet d''une sanction disciplinaire ou pénale liée à la profession ?", "nl": "Is aan de persoon een tucht- of strafrechtelijke sanctie in verband met het beroep opgelegd?", "de": "Ist gegen die Person eine berufsbezogene Disziplinar- oder Strafmaßnahme verhängt worden?"}'),
    (1, 'PQ-G-EXE-03', 'EXERCISE', 'GENERAL', 'TEXT', null, '{"en": "If so, describe the sanction, its scope and its period.", "fr": "Si oui, décrivez la sanction, sa portée et sa durée.", "nl": "Zo ja, beschrijf de sanctie, de reikwijdte en de duur ervan.", "de": "Wenn ja, beschreiben Sie die Maßnahme, ihren Umfang und ihre Dauer."}'),
    (1, 'PQ-T-EXE-01', 'EXERCISE', 'TEMPORARY_PROVISION', 'YES_NO', null, '{"en": "Is the person legally established in your member state for the profession in which services are provided?", "fr": "La personne est-elle légalement établie dans votre État membre pour la profession concernée par la prestation de services ?", "nl": "Is de persoon in uw lidstaat wettig gevestigd voor het beroep waarin diensten worden verricht?", "de": "Ist die Person in Ihrem Mitgliedstaat für den Beruf, in dem Dienstleistungen erbracht werden, rechtmäßig niedergelassen?"}'),
    (1, 'PQ-T-EXE-02', 'EXERCISE', 'TEMPORARY_PROVISION', 'YES_NO', null, '{"en": "Is the professional liability insurance of the person valid?", "fr": "L''assurance responsabilité professionnelle de la personne est-elle valide ?", "nl": "Is de beroepsaansprakelijkheidsverzekering van de persoon geldig?", "de": "Ist die Berufshaftpflichtversicherung der Person gültig?"}'),
    (1, 'PQ-G-ATT-01', 'ATTACHMENTS', 'GENERAL', 'ATTACHMENT', null, '{"en": "Please attach a certificate of current professional status.", "fr": "Veuillez joindre une attestation de la situation professionnelle actuelle.", "nl": "Voeg een verklaring omtrent de huidige beroepsstatus bij.", "de": "Bitte fügen Sie eine Bescheinigung über den aktuellen Berufsstatus bei."}'),
    (1, 'PQ-E-ATT-01', 'ATTACHMENTS', 'ESTABLISHMENT', 'ATTACHMENT', null, '{"en": "Please attach a certified copy of the diploma.", "fr": "Veuillez joindre une copie certifiée conforme du diplôme.", "nl": "Voeg een gewaarmerkte kopie van het diploma bij.", "de": "Bitte fügen Sie eine beglaubigte Kopie des Diploms bei."}');

create table information_request (
    id                  uuid primary key,
    reference           text        not null unique,
    requester           text        not null references authority (code),
    responder           text        not null references authority (code),
    requester_state     char(2)     not null,
    responder_state     char(2)     not null,
    policy_area         text        not null references policy_area (code),
    procedure           text        not null,
    profession          text        not null references profession (code),
    professional        jsonb       not null,
    requester_language  text        not null,
    catalogue_version   int         not null,
    state               text        not null,
    requested_due_date  date        not null,
    proposed_due_date   date,
    agreed_due_date     date,
    questions           jsonb       not null,
    forwarded_from      uuid references information_request (id),
    decline_reason      text,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    sent_at             timestamptz,
    accepted_at         timestamptz,
    answered_at         timestamptz,
    closed_at           timestamptz,
    version             bigint      not null default 0
);
create index information_request_requester on information_request (requester, updated_at desc);
create index information_request_responder on information_request (responder, updated_at desc);

create table request_attachment (
    id           uuid primary key,
    request_id   uuid        not null references information_request (id),
    file_name    text        not null,
    content_type text        not null,
    size_bytes   bigint      not null,
    sha256       text        not null,
    content      bytea       not null,
    uploaded_by  text        not null,
    uploaded_at  timestamptz not null
);
create index request_attachment_request on request_attachment (request_id);

create table request_timeline (
    id          bigint generated always as identity primary key,
    request_id  uuid        not null references information_request (id),
    seq         int         not null,
    action      text        not null,
    authority   text        not null,
    actor       text        not null,
    at          timestamptz not null,
    detail      text,
    event_id    uuid        not null,
    constraint request_timeline_seq unique (request_id, seq)
);

create table inbox_entry (
    cursor      bigint generated always as identity primary key,
    authority   text        not null,
    request_id  uuid        not null,
    event_id    uuid        not null,
    event_type  text        not null,
    state       text        not null,
    at          timestamptz not null,
    constraint inbox_entry_once unique (authority, event_id)
);
create index inbox_entry_authority on inbox_entry (authority, cursor);

create table idempotency_record (
    client          text        not null,
    idem_key        text        not null,
    request_hash    text        not null,
    response_status int         not null,
    response_body   text        not null,
    created_at      timestamptz not null,
    primary key (client, idem_key)
);

create sequence request_reference_seq;
