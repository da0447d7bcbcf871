-- The keyed audit chain. Rows written before this migration carry a plain SHA-256 hash (hash_alg 'sha256'); rows
-- written from now on carry an HMAC-SHA256 keyed with a secret the database does not hold (hash_alg 'hmac-sha256',
-- covering the row's id and the algorithm too). The old rows are kept as they are, not re-chained: re-computing them
-- with the key would vouch for rows that were never protected by it. They still verify, and are sealed by the first
-- checkpoint written after the upgrade; an unkeyed row after a keyed one never verifies (AuditTrail).
alter table audit_event add column hash_alg varchar(20) not null default 'sha256'
    check (hash_alg in ('sha256', 'hmac-sha256'));
-- Every new row states its algorithm.
alter table audit_event alter column hash_alg drop default;

-- Background tasks (audit retention, audit checkpoints) run through db-scheduler, which claims each due execution
-- in this table so that only one Carepoint node runs it (com.github.kagkarlsson:db-scheduler 16.1.0,
-- db-scheduler/src/test/resources/postgresql_tables.sql).
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

grant select, insert, update, delete on scheduled_tasks to ${appRole};
