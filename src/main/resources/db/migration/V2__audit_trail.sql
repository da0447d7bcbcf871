-- The audit trail: one append-only row per action, each carrying a SHA-256 hash chained to the previous row, so that
-- any change to a stored row is detectable. Rows are never updated; they are deleted only by the retention job.
create table audit_event (
    id            bigserial    primary key,
    occurred_at   timestamptz  not null,
    user_id       varchar(200) not null,
    user_name     varchar(200) not null,
    user_role     varchar(50)  not null,
    org_ods       varchar(20)  not null,
    org_name      varchar(300) not null,
    org_type      varchar(50)  not null,
    patient_nhs   varchar(10),
    action        varchar(50)  not null,
    detail        text         not null,
    reason        text,
    outcome       varchar(50)  not null,
    trace_id      varchar(64)  not null,
    prev_hash     char(64)     not null,
    hash          char(64)     not null unique
);

create index audit_event_patient on audit_event (patient_nhs, occurred_at);
create index audit_event_user on audit_event (user_id, occurred_at);
create index audit_event_org on audit_event (org_ods, occurred_at);
create index audit_event_time on audit_event (occurred_at);

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and current_setting('carepoint.audit_retention', true) = 'on' then
        return old;
    end if;
    raise exception 'audit_event is append-only';
end;
$$;

create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_event_append_only();
