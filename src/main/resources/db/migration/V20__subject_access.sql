-- Subject access (GDPR Art. 15): finding a professional's requests by family name and birth date, within seconds.
create index information_request_professional on information_request
    (lower(professional ->> 'familyName'), (professional ->> 'birthDate'));
create index alert_professional on alert (lower(professional ->> 'familyName'), (professional ->> 'birthDate'))
    where professional is not null;
