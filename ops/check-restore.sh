#!/usr/bin/env bash
# Exercises the backup and restore procedure end to end on PostgreSQL: starts the packaged system on a fresh
# database with the demo cases, issues a document on a case, backs the database up while the system runs, restores
# the dump into another fresh database, starts the system on it and checks that the case (parties, claims, stage,
# timeline, open tasks), its process (instance, open tasks, variables) and its documents (list, content hash, PDF)
# come back exactly. Exits non-zero naming what differs.
#   ops/check-restore.sh [jar]          (default: target/labor-dispute-cases-*.jar)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${1:-$(ls target/labor-dispute-cases-*.jar | head -1)}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
source=labor_dispute_backup_source
restored=labor_dispute_backup_restored
work=$(mktemp -d)
app=
stop() { if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; app=; fi; }
trap 'stop; dropdb --if-exists --force $source; dropdb --if-exists --force $restored' EXIT
dropdb --if-exists --force $source; dropdb --if-exists --force $restored
createdb --encoding=UTF8 --template=template0 $source

start() { # database port log [wait for the demo cases]
  java -jar "$jar" --spring.profiles.active=postgres --server.port="$2" \
    --spring.datasource.url="jdbc:postgresql://$PGHOST:5432/$1" --spring.datasource.username="$PGUSER" \
    --dispute.demo.enabled=true >"$3" 2>&1 &
  app=$!
  for _ in $(seq 1 180); do
    if curl -sf "http://127.0.0.1:$2/actuator/health/readiness" >/dev/null 2>&1; then
      [ -z "${4:-}" ] || grep -q "Demo cases created" "$3" && return 0
    fi
    kill -0 $app 2>/dev/null || { tail -40 "$3"; echo "the system did not start on $1"; exit 1; }
    sleep 1
  done
  tail -40 "$3"; echo "the system did not become ready on $1"; exit 1
}

# what the check compares, read as the handling mediator (wangfang) through the staff API and the engine REST API
snapshot() { # port case-number-or-empty output
  python3 - "$1" "$2" "$3" <<'PY'
import base64, hashlib, json, re, sys, urllib.parse, urllib.request
port, number, out = sys.argv[1], sys.argv[2], sys.argv[3]
auth = "Basic " + base64.b64encode(b"wangfang:demo").decode()
def call(path, method="GET", body=None):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", method=method,
                                 data=None if body is None else json.dumps(body).encode(),
                                 headers={"Authorization": auth, "Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        return r.read(), dict(r.headers)
def get(path):
    return json.loads(call(path)[0])
q = urllib.parse.quote
if not number:  # the first: choose a case with open work and issue a document on it
    for c in get("/api/cases?organisation=yuzhong&status=OPEN&size=50")["cases"]:
        kinds = get(f"/api/cases/{q(c['caseNumber'])}/documents/issuable")
        if kinds:
            number = c["caseNumber"]
            call(f"/api/cases/{q(number)}/documents", "POST", {"kind": kinds[0]["kind"]})
            break
    else:
        sys.exit("no open case of 渝中 on which wangfang may issue a document")
case = get(f"/api/cases/{q(number)}")
documents = get(f"/api/cases/{q(number)}/documents")
for d in documents:
    content, headers = call(f"/api/cases/{q(number)}/documents/{d['id']}")
    d["contentSha256"] = hashlib.sha256(content).hexdigest()
    pdf, _ = call(f"/api/cases/{q(number)}/documents/{d['id']}/pdf")
    # a PDF is rendered anew on each request (its creation time differs): compare that it is one, and its pages
    d["pdf"] = "%s, %d page(s)" % (pdf[:5].decode("latin-1"), len(re.findall(rb"/Type\s*/Page[^s]", pdf)))
instances = get(f"/engine-rest/process-instance?businessKey={q(number)}")
tasks = get(f"/engine-rest/task?processInstanceBusinessKey={q(number)}&sortBy=id&sortOrder=asc")
variables = {i["id"]: get(f"/engine-rest/process-instance/{i['id']}/variables") for i in instances}
json.dump({"caseNumber": number, "case": case, "documents": documents,
           "processInstances": sorted(i["id"] for i in instances),
           "tasks": [(t["id"], t["name"], t["due"], t["assignee"]) for t in tasks], "variables": variables},
          open(out, "w"), ensure_ascii=False, indent=1, sort_keys=True)
print(f"{number}: {len(documents)} document(s), {len(instances)} process instance(s), {len(tasks)} open task(s)")
PY
}

start $source 18091 "$work/source.log" demo
snapshot 18091 "" "$work/before.json"
number=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['caseNumber'])" "$work/before.json")
ops/backup.sh $source "$work/backup.dump"          # while the system runs
stop
ops/restore.sh "$work/backup.dump" $restored
start $restored 18092 "$work/restored.log"
snapshot 18092 "$number" "$work/after.json"
stop
if ! diff -u "$work/before.json" "$work/after.json"; then
  echo "the restored case $number differs (above)"; exit 1
fi
cases=$(psql -d $restored -Atc "SELECT COUNT(*) FROM dc_case")
documents=$(psql -d $restored -Atc "SELECT COUNT(*) FROM dc_document")
echo "backup and restore checked: case $number, its process and documents came back whole ($cases cases, $documents documents in the restored database)"
