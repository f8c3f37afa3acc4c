#!/usr/bin/env python3
"""Crash-safety test: drives case creation, case updates and thread messages against a real
`touchstone serve --demo` from several threads, kills the server with SIGKILL at random
moments, restarts it, retries the requests that were not acknowledged (case creation with the
same Idempotency-Key), and finally checks that

  * every acknowledged case exists exactly once (by its Idempotency-Key and by the API listing),
  * every acknowledged case update is in the stored case (or a later update is),
  * every acknowledged message exists exactly once, and no unacknowledged one twice,
  * every detained case naming a catalog brand has exactly one `case.detained` notice per
    rights holder, and no notice names a case that does not exist,
  * every notice of an organisation with users has its deliveries, and no (notice, channel,
    destination) is in the outbox twice,
  * `touchstone audit verify` exits 0.

Standard library only. Run through scripts/crash-test.sh, or directly:
  python3 tests/crash/crash_test.py --bin target/debug/touchstone --seconds 60 --backend sqlite
"""

import argparse
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid

OFFICER = "officer@douane.demo"
# Demo brands (see crates/touchstone/src/demo.rs): brand i belongs to BRAND_OWNERS[i % 8];
# brands with i % 25 == 24 keep their products in draft. 0: Maison Lumière, 1: Nordwerk (both
# have users, so their notices have e-mail deliveries), 2..7: rights holders without users.
DEMO_BRANDS = [0, 1, 2, 3, 8, 9, 16, 17]


def gtin(brand, item):
    body = "2%06d%05d" % (brand, item)
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return body + str((10 - total % 10) % 10)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Unacknowledged(Exception):
    """The server did not answer (killed, refused, timed out) or answered 5xx."""


class Server:
    def __init__(self, binary, data_dir, db_url, port, env):
        self.binary, self.data_dir, self.db_url, self.port, self.env = binary, data_dir, db_url, port, env
        self.proc = None
        self.starts = 0
        self.kills = 0
        self.log = open(os.path.join(data_dir, "serve.log"), "ab")

    def db_args(self):
        args = ["--data-dir", self.data_dir]
        if self.db_url:
            args += ["--database-url", self.db_url]
        return args

    def start(self, timeout=300):
        self.log.write(("\n===== start %d at %s\n" % (self.starts + 1, time.strftime("%H:%M:%S"))).encode())
        self.log.flush()
        self.proc = subprocess.Popen(
            [self.binary, "serve", "--demo", "--bind", "127.0.0.1:%d" % self.port] + self.db_args(),
            stdout=self.log, stderr=self.log, env=self.env)
        self.starts += 1
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit("the server exited with %s at start; see %s/serve.log" % (self.proc.returncode, self.data_dir))
            try:
                with urllib.request.urlopen("http://127.0.0.1:%d/readyz" % self.port, timeout=2) as r:
                    if r.status == 200:
                        return
            except Exception:
                pass
            time.sleep(0.2)
        raise SystemExit("the server was not ready within %d s; see %s/serve.log" % (timeout, self.data_dir))

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        self.kills += 1

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def cli(self, *args):
        return subprocess.run([self.binary] + list(args) + self.db_args(), env=self.env,
                              capture_output=True, text=True)


class Client:
    def __init__(self, port, token):
        self.base = "http://127.0.0.1:%d" % port
        self.token = token
        self.lock = threading.Lock()
        self.requests = 0

    def call(self, method, path, body=None, headers=None, timeout=20):
        with self.lock:
            self.requests += 1
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method)
        req.add_header("Authorization", "Bearer " + self.token)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        for k, v in (headers or {}).items():
            req.add_header(k, v)
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                return r.status, json.loads(r.read() or b"null")
        except urllib.error.HTTPError as e:
            text = e.read()
            if e.code >= 500:
                raise Unacknowledged("%s %s: %d %s" % (method, path, e.code, text[:200]))
            try:
                return e.code, json.loads(text)
            except ValueError:
                return e.code, text.decode(errors="replace")
        except (OSError, urllib.error.URLError, ValueError) as e:  # refused, reset, timeout, torn body
            raise Unacknowledged("%s %s: %s" % (method, path, e))


def detention(key, goods):
    return {
        "case_type": "standard",
        "detain": True,
        "sheet": {
            "office": {"code": "FR000730", "name": "Roissy-Charles de Gaulle fret", "country": "FR"},
            "customs_procedure": "import",
            "transport_mode": "air",
            "origin_country": "CN",
            "destination_country": "FR",
            "consignor": {"name": "Shenzhen Bright Trading Co., Ltd.", "country": "CN"},
            "consignee": {"name": "Paris Import SARL", "country": "FR"},
            "goods": goods,
            "notes": "crash test " + key,
        },
    }


class State:
    """What the workers learned, guarded by one lock."""

    def __init__(self):
        self.lock = threading.Lock()
        self.pending_creates = {}  # key -> body, sent but not acknowledged
        self.cases = {}  # key -> {"id", "body", "owners"}: acknowledged creations
        self.updates = {}  # case id -> (seq, version) of the last acknowledged update
        self.update_notes = {}  # case id -> {notes: seq} of every update sent
        self.messages_acked = {}  # body -> case id
        self.messages_unacked = {}  # body -> case id
        self.unacked = 0
        self.replays = 0  # creations answered 200: an earlier, unacknowledged attempt had committed
        self.errors = []


def worker(n, client, st, catalog, stop, rng):
    mine = []  # [case id, version, owner org or None, next update seq]
    while not stop.is_set():
        r = rng.random()
        try:
            with st.lock:
                retry = next(iter(st.pending_creates.items()), None)
                if retry:
                    del st.pending_creates[retry[0]]
            if retry or r < 0.5 or not mine:
                if retry:
                    key, body = retry
                else:
                    key = "crash-%d-%s" % (n, uuid.uuid4().hex)
                    product = rng.choice(catalog + [None])
                    line = {"description": "handbags", "quantity": rng.randint(1, 500), "unit": "pieces"}
                    if product:
                        line["product_id"] = product["product_id"]
                    else:
                        line["brand_text"] = "LUMIERRE (as written)"
                    body = detention(key, [line])
                try:
                    status, case = client.call("POST", "/api/v1/cases", body, {"Idempotency-Key": key})
                except Unacknowledged:
                    with st.lock:
                        st.pending_creates[key] = body
                        st.unacked += 1
                    raise
                if status not in (200, 201):
                    st.errors.append("create %s: %s %s" % (key, status, case))
                    continue
                owner = None
                pid = body["sheet"]["goods"][0].get("product_id")
                if pid:
                    owner = next(p["owner"] for p in catalog if p["product_id"] == pid)
                with st.lock:
                    if status == 200:
                        st.replays += 1
                    if key in st.cases and st.cases[key]["id"] != case["id"]:
                        st.errors.append("key %s acknowledged as case %s and as case %s" % (key, st.cases[key]["id"], case["id"]))
                    st.cases[key] = {"id": case["id"], "body": body, "owner": owner}
                if not any(c[0] == case["id"] for c in mine):
                    mine.append([case["id"], case["version"], owner, 1])
            elif r < 0.75:
                c = rng.choice(mine)
                status, case = client.call("GET", "/api/v1/cases/%d" % c[0])
                if status != 200:
                    st.errors.append("get case %d: %s %s" % (c[0], status, case))
                    continue
                seq = c[3]
                c[3] += 1
                notes = "update %d of case %d" % (seq, c[0])
                sheet = case["sheet"]
                sheet["notes"] = notes
                with st.lock:
                    st.update_notes.setdefault(c[0], {})[notes] = seq
                try:
                    status, saved = client.call("PUT", "/api/v1/cases/%d" % c[0],
                                                {"version": case["version"], "case_type": case["case_type"], "sheet": sheet})
                except Unacknowledged:
                    with st.lock:
                        st.unacked += 1
                    raise
                if status == 200:
                    with st.lock:
                        st.updates[c[0]] = (seq, saved["version"])
                elif status != 409:
                    st.errors.append("update case %d: %s %s" % (c[0], status, saved))
            else:
                with_owner = [c for c in mine if c[2]]
                if not with_owner:
                    continue
                c = rng.choice(with_owner)
                body = "message %s" % uuid.uuid4().hex
                try:
                    status, msg = client.call("POST", "/api/v1/cases/%d/messages" % c[0],
                                              {"body": body, "thread_organisation_id": c[2]})
                except Unacknowledged:
                    with st.lock:
                        st.messages_unacked[body] = c[0]
                        st.unacked += 1
                    raise
                if status == 201:
                    with st.lock:
                        st.messages_acked[body] = c[0]
                else:
                    st.errors.append("message on case %d: %s %s" % (c[0], status, msg))
        except Unacknowledged:
            time.sleep(0.2)


def sql_runner(args, data_dir):
    if args.backend == "sqlite":
        import sqlite3

        path = os.path.join(data_dir, "touchstone.db")

        def q(sql):
            con = sqlite3.connect("file:%s?mode=ro" % path, uri=True, timeout=30)
            try:
                return [tuple(r) for r in con.execute(sql).fetchall()]
            finally:
                con.close()
        return q

    def q(sql):
        out = subprocess.run(["psql", args.db_url, "-X", "-q", "-A", "-t", "-F", "\t", "-c", sql],
                             capture_output=True, text=True, check=True).stdout
        rows = []
        for line in out.splitlines():
            if line:
                rows.append(tuple(int(v) if v.lstrip("-").isdigit() else v for v in line.split("\t")))
        return rows
    return q


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    ap.add_argument("--db-url", help="PostgreSQL URL of an empty database (backend postgres)")
    ap.add_argument("--threads", type=int, default=4)
    ap.add_argument("--seed", type=int, default=int(time.time()))
    ap.add_argument("--keep", action="store_true", help="keep the data directory")
    args = ap.parse_args()
    if args.backend == "postgres" and not args.db_url:
        ap.error("--db-url is needed with --backend postgres")
    rng = random.Random(args.seed)
    data_dir = tempfile.mkdtemp(prefix="ts-crash-")
    env = dict(os.environ)
    # The test's one token sends as fast as it can from several threads: not the client the
    # per-token API limits are for.
    env.update(TOUCHSTONE_API_REQUESTS_PER_MINUTE="100000000", TOUCHSTONE_API_BURST="1000000",
               TOUCHSTONE_API_CONCURRENT_REQUESTS="10000")
    env.setdefault("TOUCHSTONE_COORDINATION_KEY", "crash-test-coordination-key-0123456789abcdef")
    env.setdefault("TOUCHSTONE_LOG", "warn")
    server = Server(os.path.abspath(args.bin), data_dir, args.db_url, free_port(), env)
    ok = False
    try:
        print("crash test: %s, %g s, %d threads, seed %d, data in %s" % (args.backend, args.seconds, args.threads, args.seed, data_dir), flush=True)
        t0 = time.time()
        server.start()
        print("  server ready (demo data seeded) in %.1f s" % (time.time() - t0), flush=True)
        out = server.cli("token", "create", "--user", OFFICER, "--name", "crash-test")
        if out.returncode != 0:
            raise SystemExit("token create failed: " + out.stderr)
        client = Client(server.port, out.stdout.strip())
        catalog = []
        for b in DEMO_BRANDS:
            status, found = client.call("GET", "/api/v1/lookup?code=" + gtin(b, 0))
            if status != 200 or not found.get("product"):
                raise SystemExit("demo product %s not found: %s %s" % (gtin(b, 0), status, found))
            catalog.append({"product_id": found["product"]["product_id"], "brand_id": found["product"]["brand_id"]})
        owners = dict(sql_runner(args, data_dir)("SELECT id, owner_org_id FROM brands"))
        for p in catalog:
            p["owner"] = owners[p["brand_id"]]

        st = State()
        stop = threading.Event()
        threads = [threading.Thread(target=worker, args=(i, client, st, catalog, stop, random.Random(args.seed + i)), daemon=True)
                   for i in range(args.threads)]
        for t in threads:
            t.start()
        end = time.time() + args.seconds
        downtime = 0.0
        while time.time() < end:
            time.sleep(rng.uniform(0.5, 5.0))
            if time.time() >= end:
                break
            server.kill()
            down = time.time()
            time.sleep(rng.uniform(0.0, 1.0))
            server.start()
            downtime += time.time() - down
            print("  kill %d at %.0f s: %d cases acknowledged, %d requests unacknowledged so far (back in %.1f s)"
                  % (server.kills, time.time() - (end - args.seconds), len(st.cases), st.unacked, time.time() - down), flush=True)
        # Let the workers finish, then retry every creation still unacknowledged.
        stop.set()
        for t in threads:
            t.join(timeout=60)
        retries = 0
        while st.pending_creates:
            key, body = st.pending_creates.popitem()
            retries += 1
            status, case = client.call("POST", "/api/v1/cases", body, {"Idempotency-Key": key})
            if status not in (200, 201):
                st.errors.append("final retry of %s: %s %s" % (key, status, case))
                continue
            st.replays += status == 200
            owner = None
            pid = body["sheet"]["goods"][0].get("product_id")
            if pid:
                owner = next(p["owner"] for p in catalog if p["product_id"] == pid)
            st.cases[key] = {"id": case["id"], "body": body, "owner": owner}

        checks = run_checks(args, server, client, st, data_dir)
        server.stop()
        out = server.cli("audit", "verify")
        audit_ok = out.returncode == 0
        checks.append(("audit verify exits 0", audit_ok, (out.stdout + out.stderr).strip()[-300:]))

        print("\nsummary (%s, seed %d):" % (args.backend, args.seed))
        print("  requests sent          %d" % client.requests)
        print("  server kills           %d (restarts %d, %.1f s down in all)" % (server.kills, server.starts - 1, downtime))
        print("  unacknowledged         %d (creations retried after the run: %d; retries answered 200 because the lost attempt had committed: %d)"
              % (st.unacked, retries, st.replays))
        print("  acknowledged writes    %d cases, %d updates (last per case), %d messages"
              % (len(st.cases), len(st.updates), len(st.messages_acked)))
        failed = 0
        for name, good, detail in checks:
            print("  [%s] %s%s" % ("ok" if good else "FAIL", name, "" if good or not detail else ": " + str(detail)))
            failed += 0 if good else 1
        for e in st.errors[:20]:
            print("  unexpected answer: " + e)
        ok = failed == 0 and not st.errors
        print("crash test %s" % ("passed" if ok else "FAILED"))
    finally:
        server.stop()
        if ok and not args.keep:
            shutil.rmtree(data_dir, ignore_errors=True)
        else:
            print("data and server log kept in " + data_dir)
    sys.exit(0 if ok else 1)


def run_checks(args, server, client, st, data_dir):
    q = sql_runner(args, data_dir)
    checks = []

    # Cases: every acknowledged key exactly once, with the id the client was given.
    rows = q("SELECT idempotency_key, id, version, sheet, state FROM cases WHERE idempotency_key LIKE 'crash-%'")
    by_key = {}
    for key, cid, version, sheet, state in rows:
        by_key.setdefault(key, []).append((cid, version, sheet, state))
    bad = [k for k, c in st.cases.items() if len(by_key.get(k, [])) != 1 or by_key[k][0][0] != c["id"]]
    checks.append(("every acknowledged case exists once, under its id (%d)" % len(st.cases), not bad, bad[:5]))
    extra = [k for k in by_key if k not in st.cases]
    checks.append(("no case exists that the client never had acknowledged", not extra, extra[:5]))
    not_detained = [k for k, v in by_key.items() if v[0][3] != "detained"]
    checks.append(("every case is detained (detention is in the creating transaction)", not not_detained, not_detained[:5]))

    # The API lists each of them once.
    listed = []
    offset = 0
    while True:
        status, page = client.call("GET", "/api/v1/cases?limit=500&offset=%d" % offset)
        if status != 200:
            raise SystemExit("listing cases: %s %s" % (status, page))
        listed += [c["id"] for c in page]
        if len(page) < 500:
            break
        offset += 500
    ids = [c["id"] for c in st.cases.values()]
    missing = sorted(set(ids) - set(listed))
    dup = sorted({i for i in listed if listed.count(i) > 1}) if len(listed) != len(set(listed)) else []
    checks.append(("GET /api/v1/cases lists every acknowledged case once (%d listed)" % len(listed), not missing and not dup,
                   {"missing": missing[:5], "twice": dup[:5]}))

    # Updates: the stored case holds the last acknowledged update, or a later one.
    stored = {v[0][0]: v[0] for v in by_key.values()}
    lost = []
    for cid, (seq, version) in st.updates.items():
        _, v, sheet, _ = stored[cid]
        notes = json.loads(sheet).get("notes", "")
        got = st.update_notes.get(cid, {}).get(notes, 0)
        if v < version or got < seq:
            lost.append((cid, seq, version, notes, v))
    checks.append(("every acknowledged update is in its case (%d cases updated)" % len(st.updates), not lost, lost[:5]))

    # Messages.
    msgs = {}
    for body, cnt in q("SELECT body, COUNT(*) FROM case_messages WHERE body LIKE 'message %' GROUP BY body"):
        msgs[body] = cnt
    bad = [b for b in st.messages_acked if msgs.get(b) != 1]
    checks.append(("every acknowledged message exists once (%d)" % len(st.messages_acked), not bad, bad[:5]))
    twice = [b for b, n in msgs.items() if n > 1]
    stray = [b for b in msgs if b not in st.messages_acked and b not in st.messages_unacked]
    committed_unacked = sum(1 for b in st.messages_unacked if b in msgs)
    checks.append(("no message twice, none the client did not send (%d unacknowledged ones committed)" % committed_unacked,
                   not twice and not stray, {"twice": twice[:5], "stray": stray[:5]}))

    # Notices: exactly one case.detained per (case, rights holder) for cases naming a catalog brand.
    notices = {}
    for event_id, org, cnt in q("SELECT event_id, org_id, COUNT(*) FROM notify_notices WHERE kind = 'case.detained' GROUP BY event_id, org_id"):
        notices[(event_id, org)] = cnt
    wrong = []
    expected = 0
    for c in st.cases.values():
        if c["owner"]:
            expected += 1
            n = notices.get(("case-%d-case.detained-org-%d" % (c["id"], c["owner"]), c["owner"]), 0)
            if n != 1:
                wrong.append((c["id"], n))
    checks.append(("every detained case naming a catalog brand has one case.detained notice (%d)" % expected, not wrong, wrong[:5]))
    known = {c["id"] for c in st.cases.values()}
    all_ids = {r[0] for r in q("SELECT id FROM cases")}
    orphan = [e for (e, _) in notices if int(e.split("-")[1]) not in all_ids]
    brandless = [e for (e, _) in notices if int(e.split("-")[1]) in known and
                 not next(c for c in st.cases.values() if c["id"] == int(e.split("-")[1]))["owner"]]
    checks.append(("no notice for a missing case or a case without a catalog brand", not orphan and not brandless,
                   {"orphan": orphan[:5], "brandless": brandless[:5]}))

    # Deliveries: no (notice, channel, destination) twice; every notice of an organisation with
    # active users has its e-mail deliveries (waiting in the outbox: no SMTP is configured).
    dups = q("SELECT notice_id, channel, destination, COUNT(*) FROM notify_deliveries GROUP BY notice_id, channel, destination HAVING COUNT(*) > 1")
    checks.append(("no delivery twice per (notice, destination)", not dups, dups[:5]))
    lost = q("""SELECT n.id, n.event_id FROM notify_notices n
                WHERE EXISTS (SELECT 1 FROM users u WHERE u.organisation_id = n.org_id AND u.active = 1)
                  AND NOT EXISTS (SELECT 1 FROM notify_deliveries d WHERE d.notice_id = n.id)""")
    total = q("SELECT COUNT(*) FROM notify_deliveries")[0][0]
    checks.append(("every notice of an organisation with users has its deliveries (%d delivery rows)" % total, not lost, lost[:5]))
    return checks


if __name__ == "__main__":
    main()
