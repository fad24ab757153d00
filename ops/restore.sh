#!/usr/bin/env bash
# Restores a dump made by ops/backup.sh into a new, empty database (never over a database in use), then ANALYZE.
# Point the system at it (SPRING_DATASOURCE_URL) and start it: Flyway finds the schema up to date, Camunda its tables.
#   ops/restore.sh file database
# Connection: the usual PG* variables; default 127.0.0.1, user postgres.
set -euo pipefail
file=${1:?the dump file}
database=${2:?the new database}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
if psql -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1; then
  echo "the database $database exists: restore into a new one" >&2
  exit 1
fi
createdb --encoding=UTF8 --template=template0 "$database"
pg_restore --no-owner --exit-on-error --dbname="$database" "$file"
psql -q -d "$database" -c ANALYZE
echo "restored $file into $database"
