-- Alerts' personal data (IMI Regulation Art. 14(3) and Directive 2005/36/EC Art. 56a(7): removed within 3 days of
-- withdrawal or expiry) are removed by the retention engine too, from the same task table.
alter table retention_task drop constraint retention_task_case_type_check;
alter table retention_task add constraint retention_task_case_type_check check (case_type in ('REQUEST', 'ALERT'));

-- Alerts that ended before this version still holding data (none expected): removed at the engine's next run.
insert into retention_task (case_type, case_id, action, due_at, state, created_at)
select 'ALERT', id, 'DELETE', ended_at, 'PENDING', ended_at
from alert where state <> 'ACTIVE' and professional is not null and ended_at is not null;
