#!/usr/bin/env bash
# Backs up the whole system — cases, their processes and history, documents, tables in force, users — as one
# PostgreSQL custom-format dump: everything lives in the one database (Camunda's ACT_* tables beside the dc_*, pv_*,
# pt_*, md_* and ops_* tables). Run it while the system runs: pg_dump reads one consistent snapshot.
#   ops/backup.sh [database] [file]     (defaults: labor_dispute, labor_dispute-<date-time>.dump)
# Connection: the usual PG* variables (PGHOST, PGPORT, PGUSER, PGPASSWORD); default 127.0.0.1, user postgres.
set -euo pipefail
database=${1:-labor_dispute}
file=${2:-$database-$(date +%Y%m%d-%H%M%S).dump}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
pg_dump --format=custom --no-owner --file="$file" "$database"
echo "backed up $database to $file ($(du -h "$file" | cut -f1))"
