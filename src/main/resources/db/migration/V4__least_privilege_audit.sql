-- The application's own database role may add to the audit trail and read it, and nothing more: it cannot update,
-- delete, truncate, disable triggers (it is not the owner) or switch on a deletion bypass. Migrations run as the
-- owner. Retention runs through audit_purge(), a function owned by the owner that never deletes rows younger than the
-- minimum retention held in audit_settings, which only the owner can change.
-- ${appRole} is the application's role (spring.flyway.placeholders.appRole); it must exist before this runs. Later
-- migrations grant it, explicitly, only what it needs on each table they create.

create or replace function audit_event_append_only() returns trigger language plpgsql as $$
begin
    -- Only the table's owner may delete (that is audit_purge, running as the owner); no one may update.
    if tg_op = 'DELETE' and current_user = (select tableowner from pg_tables
                                             where schemaname = tg_table_schema and tablename = tg_table_name) then
        return old;
    end if;
    raise exception 'audit_event is append-only';
end;
$$;

create function audit_event_no_truncate() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event cannot be truncated';
end;
$$;

create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_no_truncate();

create table audit_settings (
    id            smallint primary key default 1 check (id = 1),
    min_retention interval not null
);
insert into audit_settings (min_retention) values (interval '8 years');

-- Deletes the oldest part of the chain, up to the first row recorded at or after the cutoff, but never a row younger
-- than the minimum retention, whatever cutoff is asked for. Only a prefix is removed, so what remains still verifies.
create function audit_purge(cutoff timestamptz) returns integer language plpgsql security definer
    set search_path = ${flyway:defaultSchema}, pg_temp as $$
declare
    effective timestamptz;
    deleted integer;
begin
    select least(cutoff, now() - min_retention) into effective from audit_settings;
    delete from audit_event where id < coalesce(
        (select min(id) from audit_event where occurred_at >= effective),
        (select max(id) + 1 from audit_event));
    get diagnostics deleted = row_count;
    return deleted;
end;
$$;
revoke all on function audit_purge(timestamptz) from public;

do $$
begin
    if '${appRole}' !~ '^[a-z_][a-z0-9_]*$' or '${appRole}' in ('public', 'postgres') then
        raise exception 'The application role (spring.flyway.placeholders.appRole) must be a plain role name, not %', '${appRole}';
    end if;
    -- Without the role the application could not write the audit trail at all: stop here, plainly.
    if not exists (select from pg_roles where rolname = '${appRole}') then
        raise exception 'Create the application''s database role % first (see README, "Audit trail")', '${appRole}';
    end if;
    execute 'revoke all on audit_event, audit_settings from ${appRole}';
    execute 'grant select, insert on audit_event to ${appRole}';
    execute 'grant select on audit_settings to ${appRole}';
    execute 'grant usage, select on sequence audit_event_id_seq to ${appRole}';
    execute 'grant execute on function audit_purge(timestamptz) to ${appRole}';
    execute 'grant select, insert, update, delete on user_preference to ${appRole}';
    execute 'grant select, insert on emergency_access_review, practice_notification to ${appRole}';
    execute 'grant usage, select on all sequences in schema ' || quote_ident(current_schema()) || ' to ${appRole}';
end;
$$;
