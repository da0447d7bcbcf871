-- Encounter notes: the one clinical content Carepoint stores, because its users author it. A draft is saved as it is
-- typed and seen only by its author; signing freezes it (content and signed_at never change after that: a trigger
-- refuses it); a correction is a new note that names the one it corrects. Drafts are removed after the drafts'
-- retention (carepoint.encounter.draft-retention); signed notes are kept with the audit trail.
create table encounter_note (
    id                uuid          primary key,
    kind              varchar(30)   not null,
    status            varchar(20)   not null check (status in ('DRAFT', 'SIGNED')),
    author_id         varchar(200)  not null,
    author_name       varchar(200)  not null,
    author_role       varchar(50)   not null,
    author_sds_user   varchar(50)   not null,
    author_sds_role   varchar(50)   not null,
    org_ods           varchar(20)   not null,
    org_name          varchar(300)  not null,
    patient_nhs       varchar(10)   not null,
    patient           jsonb         not null,
    content           jsonb         not null,
    corrects_id       uuid          references encounter_note (id),
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null,
    signed_at         timestamptz,
    revision          integer       not null default 0
);
create index encounter_note_author_status on encounter_note (author_id, status, updated_at desc);
create index encounter_note_patient on encounter_note (patient_nhs, signed_at);

create function encounter_note_frozen() returns trigger language plpgsql as $$
begin
    if old.status = 'SIGNED' then
        raise exception 'a signed encounter note cannot be changed or deleted';
    end if;
    if tg_op = 'DELETE' then
        return old;
    end if;
    return new;
end;
$$;
create trigger encounter_note_frozen before update or delete on encounter_note
    for each row execute function encounter_note_frozen();

-- The durable outbox: one row per signed note, written in the same transaction as the signing, then worked by the
-- sender (claimed with FOR UPDATE SKIP LOCKED, so several nodes never send one note twice). local_id is the MESH
-- local id: a resend after a crash is recognisable at MESH and at the practice.
create table note_delivery (
    note_id          uuid          primary key references encounter_note (id),
    local_id         varchar(100)  not null unique,
    itk_message_id   varchar(100)  not null unique,
    status           varchar(20)   not null,
    status_detail    text,
    mesh_message_id  varchar(100),
    recipient        varchar(200)  not null,
    attempts         integer       not null default 0,
    next_attempt_at  timestamptz   not null,
    queued_at        timestamptz   not null,
    accepted_at      timestamptz,
    delivered_at     timestamptz,
    completed_at     timestamptz,
    last_error       text,
    alerted_at       timestamptz
);
create index note_delivery_due on note_delivery (status, next_attempt_at);

grant select, insert, update, delete on encounter_note to ${appRole};
grant select, insert, update on note_delivery to ${appRole};
