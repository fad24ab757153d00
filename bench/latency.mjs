// Request latency of a running system, as a client sees it: p50 / p95 over N sequential requests per kind of request
// (after 20 warm-up requests). Usage: node bench/latency.mjs [baseUrl] [N]
// Used to compare the cost of the security frame: run it against a build before and after (README, Security).
const base = process.argv[2] ?? 'http://localhost:8080';
const n = Number(process.argv[3] ?? 200);
const basic = 'Basic ' + Buffer.from('wangfang:demo').toString('base64');

async function session(user) {
  const form = await fetch(`${base}/login`);
  const cookie = form.headers.get('set-cookie').split(';')[0];
  const token = (await form.text()).match(/name="_csrf" value="([^"]+)"/)[1];
  const answer = await fetch(`${base}/login`, {
    method: 'POST', redirect: 'manual', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: user, password: 'demo', _csrf: token }),
  });
  return (answer.headers.get('set-cookie') ?? cookie).split(';')[0];
}

async function time(label, url, headers) {
  for (let i = 0; i < 20; i++) await (await fetch(url, { headers, redirect: 'manual' })).arrayBuffer();
  const ms = [];
  let status = 0;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const r = await fetch(url, { headers, redirect: 'manual' });
    await r.arrayBuffer();
    status = r.status;
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const p = q => ms[Math.min(ms.length - 1, Math.ceil(ms.length * q) - 1)].toFixed(1);
  console.log(`${label.padEnd(44)} ${String(status).padEnd(4)} p50 ${p(0.5).padStart(7)} ms  p95 ${p(0.95).padStart(7)} ms`);
}

const cookie = await session('liuyang');
const list = await (await fetch(`${base}/api/cases?size=1`, { headers: { authorization: basic } })).json();
const one = encodeURIComponent(list.cases[0].caseNumber);
await time('GET /supervision (page, session)', `${base}/supervision`, { cookie });
await time('GET /api/cases/{n} (session)', `${base}/api/cases/${one}`, { cookie });
await time('GET /api/cases/{n} (HTTP Basic)', `${base}/api/cases/${one}`, { authorization: basic });
await time('GET /engine-rest/task?maxResults=1 (Basic)', `${base}/engine-rest/task?maxResults=1`, { authorization: basic });
await time('GET /portal (anonymous)', `${base}/portal`, {});
await time('GET /css/staff.css (static)', `${base}/css/staff.css`, {});
