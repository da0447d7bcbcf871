#!/bin/sh
# The application's own least-privilege role. The database owner (POSTGRES_USER) runs the migrations, which grant
# this role what it needs: it can add to the audit trail and read it, never change, delete or truncate it.
set -e
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
create role carepoint_app login nosuperuser nocreatedb nocreaterole noinherit password '${CAREPOINT_APP_DB_PASSWORD}';
SQL
