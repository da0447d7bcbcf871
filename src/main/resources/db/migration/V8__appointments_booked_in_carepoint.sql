-- Appointments booked through Carepoint, kept for a day so that the clinician who booked one can link it in their
-- encounter note (an NHS 111 note's "appointment booked"). Nothing is kept that the audit trail does not already
-- record of the booking (who, which patient, which service, when, the reference) but the site, practitioner and
-- channel shown at booking. A row is removed when the appointment is cancelled through Carepoint, and every row a
-- day after its booking (on the next booking's insert).
create table appointment_booked (
    id            uuid          primary key,
    user_id       varchar(200)  not null,
    patient_nhs   varchar(10)   not null,
    service_ods   varchar(20)   not null,
    service_name  varchar(300)  not null,
    reference     varchar(200)  not null,
    starts_at     timestamptz   not null,
    ends_at       timestamptz   not null,
    site          varchar(300),
    practitioner  varchar(300),
    channel       varchar(30)   not null,
    booked_at     timestamptz   not null
);
create index appointment_booked_user_patient on appointment_booked (user_id, patient_nhs, booked_at);

grant select, insert, delete on appointment_booked to ${appRole};
