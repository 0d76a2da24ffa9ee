-- Reference data: policy areas and the profession catalogue (production data, shipped to every installation).
-- Profession codes are stable; names are in English, French, German and Dutch. isco is the ISCO-08 unit group;
-- esco_uri is the ESCO concept of that ISCO group.

create table policy_area (
    code  text primary key,
    names jsonb not null
);

insert into policy_area (code, names) values
    ('PQ', '{"en":"Professional qualifications","fr":"Qualifications professionnelles","de":"Berufsqualifikationen","nl":"Beroepskwalificaties"}'),
    ('SERVICES', '{"en":"Services","fr":"Services","de":"Dienstleistungen","nl":"Diensten"}'),
    ('POSTING', '{"en":"Posting of workers","fr":"Détachement de travailleurs","de":"Entsendung von Arbeitnehmern","nl":"Detachering van werknemers"}'),
    ('PATIENTS', '{"en":"Patients'' rights in cross-border healthcare","fr":"Droits des patients en matière de soins transfrontaliers","de":"Patientenrechte in der grenzüberschreitenden Gesundheitsversorgung","nl":"Patiëntenrechten bij grensoverschrijdende zorg"}');

create table profession (
    code                text primary key,
    names               jsonb   not null,
    sectoral            boolean not null,
    alert_eligible      boolean not null,
    education_of_minors boolean not null default false,
    isco                text,
    esco_uri            text
);

insert into profession (code, names, sectoral, alert_eligible, education_of_minors, isco, esco_uri) values
    ('DOCTOR', '{"en":"Doctor of medicine","fr":"Médecin","de":"Arzt","nl":"Arts"}', true, true, false, '2211', 'http://data.europa.eu/esco/isco/C2211'),
    ('SPECIALIST_DOCTOR', '{"en":"Specialist doctor","fr":"Médecin spécialiste","de":"Facharzt","nl":"Medisch specialist"}', true, true, false, '2212', 'http://data.europa.eu/esco/isco/C2212'),
    ('NURSE', '{"en":"Nurse responsible for general care","fr":"Infirmier responsable des soins généraux","de":"Krankenpfleger für allgemeine Pflege","nl":"Verpleegkundige algemene zorg"}', true, true, false, '2221', 'http://data.europa.eu/esco/isco/C2221'),
    ('DENTIST', '{"en":"Dental practitioner","fr":"Praticien de l''art dentaire","de":"Zahnarzt","nl":"Tandarts"}', true, true, false, '2261', 'http://data.europa.eu/esco/isco/C2261'),
    ('SPECIALIST_DENTIST', '{"en":"Specialist dentist","fr":"Dentiste spécialiste","de":"Fachzahnarzt","nl":"Tandarts-specialist"}', true, true, false, '2261', 'http://data.europa.eu/esco/isco/C2261'),
    ('MIDWIFE', '{"en":"Midwife","fr":"Sage-femme","de":"Hebamme","nl":"Verloskundige"}', true, true, false, '2222', 'http://data.europa.eu/esco/isco/C2222'),
    ('PHARMACIST', '{"en":"Pharmacist","fr":"Pharmacien","de":"Apotheker","nl":"Apotheker"}', true, true, false, '2262', 'http://data.europa.eu/esco/isco/C2262'),
    ('VETERINARY_SURGEON', '{"en":"Veterinary surgeon","fr":"Vétérinaire","de":"Tierarzt","nl":"Dierenarts"}', true, true, false, '2250', 'http://data.europa.eu/esco/isco/C2250'),
    ('ARCHITECT', '{"en":"Architect","fr":"Architecte","de":"Architekt","nl":"Architect"}', true, false, false, '2161', 'http://data.europa.eu/esco/isco/C2161'),
    ('PHYSIOTHERAPIST', '{"en":"Physiotherapist","fr":"Kinésithérapeute","de":"Physiotherapeut","nl":"Fysiotherapeut"}', false, true, false, '2264', 'http://data.europa.eu/esco/isco/C2264'),
    ('PSYCHOTHERAPIST', '{"en":"Psychotherapist","fr":"Psychothérapeute","de":"Psychotherapeut","nl":"Psychotherapeut"}', false, true, false, '2634', 'http://data.europa.eu/esco/isco/C2634'),
    ('PARAMEDIC', '{"en":"Paramedic","fr":"Ambulancier","de":"Notfallsanitäter","nl":"Ambulanceverpleegkundige"}', false, true, false, '3258', 'http://data.europa.eu/esco/isco/C3258'),
    ('PRIMARY_TEACHER', '{"en":"Primary school teacher","fr":"Professeur des écoles","de":"Grundschullehrer","nl":"Leraar basisonderwijs"}', false, true, true, '2341', 'http://data.europa.eu/esco/isco/C2341'),
    ('SECONDARY_TEACHER', '{"en":"Secondary school teacher","fr":"Professeur de l''enseignement secondaire","de":"Lehrer der Sekundarstufe","nl":"Leraar voortgezet onderwijs"}', false, true, true, '2330', 'http://data.europa.eu/esco/isco/C2330'),
    ('EARLY_CHILDHOOD_EDUCATOR', '{"en":"Early childhood educator","fr":"Éducateur de jeunes enfants","de":"Erzieher","nl":"Pedagogisch medewerker kinderopvang"}', false, true, true, '2342', 'http://data.europa.eu/esco/isco/C2342'),
    ('CHILDCARE_WORKER', '{"en":"Childcare worker","fr":"Assistant maternel","de":"Kinderbetreuer","nl":"Kinderverzorger"}', false, true, true, '5311', 'http://data.europa.eu/esco/isco/C5311'),
    ('LAWYER', '{"en":"Lawyer","fr":"Avocat","de":"Rechtsanwalt","nl":"Advocaat"}', false, false, false, '2611', 'http://data.europa.eu/esco/isco/C2611'),
    ('CIVIL_ENGINEER', '{"en":"Civil engineer","fr":"Ingénieur civil","de":"Bauingenieur","nl":"Civiel ingenieur"}', false, false, false, '2142', 'http://data.europa.eu/esco/isco/C2142'),
    ('ACCOUNTANT', '{"en":"Statutory auditor","fr":"Contrôleur légal des comptes","de":"Abschlussprüfer","nl":"Registeraccountant"}', false, false, false, '2411', 'http://data.europa.eu/esco/isco/C2411'),
    ('ELECTRICIAN', '{"en":"Electrician","fr":"Électricien","de":"Elektriker","nl":"Elektricien"}', false, false, false, '7411', 'http://data.europa.eu/esco/isco/C7411'),
    ('REAL_ESTATE_AGENT', '{"en":"Real estate agent","fr":"Agent immobilier","de":"Immobilienmakler","nl":"Makelaar"}', false, false, false, '3334', 'http://data.europa.eu/esco/isco/C3334');
