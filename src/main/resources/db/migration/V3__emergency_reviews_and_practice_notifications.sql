-- The privacy officer's review of each emergency access. The access itself is an EMERGENCY_ACCESS row of the audit
-- trail; a review is recorded once (the primary key), and the act of reviewing is also an AUDIT_REVIEW audit row.
-- Retention removes a review with the audit row it reviews.
create table emergency_access_review (
    audit_event_id  bigint        primary key references audit_event (id) on delete cascade,
    reviewed_at     timestamptz   not null,
    reviewer_id     varchar(200)  not null,
    reviewer_name   varchar(200)  not null,
    review_comment  text          not null
);

-- The first access by an organisation to records held by a GP practice: a notification for that practice, listed for
-- the privacy officer. One row per practice and organisation, ever.
create table practice_notification (
    practice_ods     varchar(20)   not null,
    practice_name    varchar(300)  not null,
    org_ods          varchar(20)   not null,
    org_name         varchar(300)  not null,
    org_type         varchar(50)   not null,
    first_access_at  timestamptz   not null,
    first_user_role  varchar(50)   not null,
    trace_id         varchar(64)   not null,
    primary key (practice_ods, org_ods)
);
