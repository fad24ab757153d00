"""Intake load for ops/cluster.sh: C clients open cases through one address for S seconds, as the city supervisor
(who may open a case for any organisation), every case against an employer of its own. Prints one line per
acknowledged case ("ACK <case number>") to the file given, then the rate and the latency percentiles.
   python3 ops/cluster_load.py URL SECONDS CLIENTS ACK_FILE [FIRST_SERIAL]"""
import base64, http.client, json, sys, threading, time, urllib.error, urllib.request

url, seconds, clients, ack_file = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
first = int(sys.argv[5]) if len(sys.argv) > 5 else 0
auth = "Basic " + base64.b64encode(b"hemei:demo").decode()
CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORGS = ["yuzhong", "jishou"]


def credit_code(n):
    body = "91500103" + "%09d" % (800_000_000 + n)
    total = sum(CHARS.index(c) * w for c, w in zip(body, WEIGHTS))
    return body + CHARS[(31 - total % 31) % 31]


def application(n):
    return {"organisation": ORGS[n % len(ORGS)], "requestedProcedure": "MEDIATION",
            "summary": "集群压测案件 %d：拖欠工资" % n,
            "workers": [{"name": "压测劳动者%d" % n, "idType": "PASSPORT", "idNumber": "G%08d" % (30_000_000 + n),
                         "phone": "13800001111", "migrantWorker": n % 2 == 0}],
            "employer": {"name": "压测用人单位%d" % n, "creditCode": credit_code(n)},
            "claims": [{"causeCode": "PAY_ARREARS", "description": "拖欠工资", "amount": 1000 + n % 9000}]}


lock = threading.Lock()
counter = [first]
latencies, failures = [], []
acks = open(ack_file, "a", encoding="utf-8")
deadline = time.time() + seconds


def client():
    while time.time() < deadline:
        with lock:
            n = counter[0]
            counter[0] += 1
        body = json.dumps(application(n)).encode()
        request = urllib.request.Request(url + "/api/cases", data=body, method="POST", headers={
            "Authorization": auth, "Content-Type": "application/json", "Idempotency-Key": "cluster-%d" % n})
        start = time.time()
        for attempt in range(3):  # a node that dies mid-request: the same key again, as a client retries
            try:
                with urllib.request.urlopen(request, timeout=30) as r:
                    number = json.loads(r.read())["caseNumber"]
                with lock:
                    latencies.append(time.time() - start)
                    acks.write("ACK %s\n" % number)
                    acks.flush()
                break
            except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as e:
                if attempt == 2:
                    with lock:
                        failures.append(str(e))
                time.sleep(0.5)


threads = [threading.Thread(target=client) for _ in range(clients)]
began = time.time()
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.time() - began
latencies.sort()
pct = lambda p: latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] * 1000 if latencies else 0
print("%d cases acknowledged in %.0f s: %.1f /s, p50 %.0f ms, p95 %.0f ms; %d requests failed after retries"
      % (len(latencies), elapsed, len(latencies) / elapsed, pct(50), pct(95), len(failures)))
print("NEXT %d" % counter[0])
