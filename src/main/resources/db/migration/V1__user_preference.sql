-- Display preferences per signed-in user (no patient data).
create table user_preference (
    user_id    varchar(200) primary key,
    dark_mode  boolean      not null default false,
    updated_at timestamptz  not null default now()
);
