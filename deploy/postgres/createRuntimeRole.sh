#!/bin/sh
# Creates the role an agency's subgraph serves as (RUNTIME_ROLE, with RUNTIME_PASSWORD), the first
# time the postgres image initialises the database's volume. It only logs in: the owner's
# `--migrate` grants it what serving needs, so the owner needs no right to create roles.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  --set role="$RUNTIME_ROLE" --set password="$RUNTIME_PASSWORD" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password' NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;
SQL
