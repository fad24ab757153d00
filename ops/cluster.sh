#!/usr/bin/env bash
# Proves the cluster on one machine: N application nodes (2 or 3) on one PostgreSQL behind HAProxy (Debian's package)
# on the loopback addresses. Runs the intake load first against one node alone, then through the load balancer;
# with "kill", kills one node with SIGKILL halfway through the balanced load. Then checks, failing on any breach:
#  - every case the load was told was opened (HTTP 201/200) is in the database with its running process;
#  - case numbers are unique and gap-free per organisation and year (a number a dead node had taken counts as given
#    back: it is written in dc_number_allocation and the next intake after dispute.numbers.reuse-after takes it);
#  - no job ran successfully twice (the engine's job log; the history cleanup, which repeats under one id, aside);
#  - timers kept firing after the kill: the deadline monitor's sweep (every 30 s) ran no later than the job lock
#    time (60 s) plus 10 s after it was due; the timer lateness p99 over the run is printed.
#   ops/cluster.sh [nodes=2] [seconds of load=60] [kill|nokill] [jar]
set -euo pipefail
cd "$(dirname "$0")/.."
nodes=${1:-2}
seconds=${2:-60}
kill_one=${3:-kill}
jar=${4:-$(ls target/labor-dispute-cases-*.jar | head -1)}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
database=labor_dispute_cluster
work=$(mktemp -d)
command -v haproxy >/dev/null || { echo "HAProxy is needed: apt-get install -y haproxy"; exit 1; }
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
sql() { psql -d $database -Atc "$1"; }
dropdb --if-exists --force $database
createdb --encoding=UTF8 --template=template0 $database

start_node() { # n
  local port=$((18100 + $1))
  java -jar "$jar" --spring.profiles.active=postgres --server.port=$port \
    --spring.datasource.url="jdbc:postgresql://$PGHOST:5432/$database" --spring.datasource.username="$PGUSER" \
    --dispute.demo.enabled=true --dispute.demo.cases=false >"$work/node$1.log" 2>&1 &
  pids+=($!)
  eval "node$1=$!"
  for _ in $(seq 1 180); do
    curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && return 0
    sleep 1
  done
  tail -30 "$work/node$1.log"; echo "node $1 did not start"; exit 1
}

start_node 1            # the first node creates the schema and the demo users
for n in $(seq 2 "$nodes"); do start_node "$n"; done
# the third server of haproxy.cfg is declared disabled; with three nodes it is enabled
if [ "$nodes" -ge 3 ]; then sed 's/ disabled$//' ops/haproxy.cfg >"$work/haproxy.cfg"; else cp ops/haproxy.cfg "$work/haproxy.cfg"; fi
LISTEN=127.0.0.1:18100 NODE1=127.0.0.1:18101 NODE2=127.0.0.1:18102 NODE3=127.0.0.1:18103 \
  haproxy -f "$work/haproxy.cfg" -db >"$work/haproxy.log" 2>&1 &
pids+=($!)
sleep 3
echo "== $nodes nodes on one PostgreSQL, HAProxy on 127.0.0.1:18100"

half=$((seconds / 2))
echo "-- one node alone, $half s:"
single=$(python3 ops/cluster_load.py http://127.0.0.1:18101 "$half" 8 "$work/acks.txt" 0)
echo "$single" | head -1
next=$(echo "$single" | sed -n 's/^NEXT //p')
echo "-- through the load balancer, $seconds s${kill_one:+ ($kill_one)}:"
started=$(date +%s)
python3 ops/cluster_load.py http://127.0.0.1:18100 "$seconds" 8 "$work/acks.txt" "$next" >"$work/balanced.txt" &
load=$!
killed_at=
if [ "$kill_one" = kill ]; then
  sleep "$half"
  kill -9 "$node2"
  killed_at=$(date -u +"%Y-%m-%d %H:%M:%S")
  echo "   node 2 killed (SIGKILL) at $killed_at UTC, $half s into the load"
fi
wait $load
head -1 "$work/balanced.txt"
sleep 75   # the dead node's job locks run out (60 s) and its jobs are taken by a surviving node

failed=0
acked=$(sed -n 's/^ACK //p' "$work/acks.txt" | sort -u)
count=$(echo "$acked" | grep -c . || true)
lost=$( (echo "CREATE TEMP TABLE acked (n VARCHAR(64)); COPY acked FROM STDIN;"; echo "$acked"; echo '\.';
        echo "SELECT n FROM acked WHERE NOT EXISTS (SELECT 1 FROM dc_case c JOIN ACT_RU_EXECUTION e
                ON e.PROC_INST_ID_ = c.process_instance_id AND e.PARENT_ID_ IS NULL WHERE c.case_number = acked.n);") \
        | psql -q -d $database -At)
missing=$(echo "$lost" | grep -c . || true)
[ -z "$lost" ] || echo "LOST (acknowledged, not in the database with its process): $lost"
echo "acknowledged cases: $count, lost: $missing"
[ "$missing" = 0 ] || failed=1

gaps=$(sql "WITH n AS (SELECT org_code, CAST(SUBSTRING(case_number FROM '〔(\\d{4})〕') AS INTEGER) AS y,
                CAST(SUBSTRING(case_number FROM '〕(\\d+)号') AS INTEGER) AS v FROM dc_case
              UNION ALL SELECT org_code, number_year, number_value FROM dc_number_allocation
              WHERE counter_name = 'dc_case_number_sequence')
            SELECT org_code || ' ' || y || ': ' || COUNT(*) || ' numbers, highest ' || MAX(v)
            FROM n GROUP BY org_code, y HAVING COUNT(*) <> MAX(v) OR COUNT(DISTINCT v) <> COUNT(*)")
given_back=$(sql "SELECT COUNT(*) FROM dc_number_allocation")
if [ -n "$gaps" ]; then echo "NUMBERING: gaps or repeats: $gaps"; failed=1
else echo "case numbers gap-free per organisation and year ($given_back taken by the dead node, given back for reuse)"; fi

# The engine's history cleanup is the one job that runs again and again under its own id, by design, during its batch
# window (01:00-05:00 here): a run inside the window would otherwise count it as run twice.
twice=$(sql "SELECT COUNT(*) FROM (SELECT JOB_ID_ FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2
             AND COALESCE(JOB_DEF_TYPE_, '') <> 'history-cleanup' GROUP BY JOB_ID_ HAVING COUNT(*) > 1) t")
echo "jobs that ran successfully twice: $twice"
[ "$twice" = 0 ] || failed=1

late=$(sql "SELECT COALESCE(ROUND(MAX(EXTRACT(EPOCH FROM (TIMESTAMP_ - JOB_DUEDATE_)))::numeric, 1), 0) FROM ACT_HI_JOB_LOG
            WHERE JOB_STATE_ = 2 AND JOB_DEF_TYPE_ LIKE 'timer%' AND JOB_DUEDATE_ IS NOT NULL")
p99=$(sql "SELECT COALESCE(ROUND(PERCENTILE_CONT(0.99) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (TIMESTAMP_ - JOB_DUEDATE_)))::numeric, 2), 0)
           FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 AND JOB_DEF_TYPE_ LIKE 'timer%' AND JOB_DUEDATE_ IS NOT NULL")
fired=$(sql "SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 AND JOB_DEF_TYPE_ LIKE 'timer%'")
echo "timers fired: $fired; lateness p99 ${p99} s, max ${late} s"
if [ -n "$killed_at" ]; then
  after=$(sql "SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 AND JOB_DEF_TYPE_ LIKE 'timer%' AND TIMESTAMP_ > TIMESTAMP '$killed_at'")
  echo "timers fired after the kill: $after"
  [ "$after" -gt 0 ] || { echo "TIMERS: none fired after the kill"; failed=1; }
fi
awk -v l="$late" 'BEGIN { exit !(l > 70) }' && { echo "TIMERS: a timer fired more than 70 s late"; failed=1; }
if [ "$failed" = 0 ]; then echo "cluster check passed"; else echo "cluster check FAILED (logs in $work)"; exit 1; fi
