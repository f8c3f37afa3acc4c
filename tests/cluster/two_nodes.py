#!/usr/bin/env python3
"""Two `touchstone serve` processes on one PostgreSQL database behave as one service.

Node A and node B share the database and the coordination key; each has its own data directory
(its search index and its cache of the files). The script checks that

  1. a product published through A is found on B by GET /api/v1/lookup and GET /api/v1/search
     within 2 seconds (and the other way round);
  2. detentions recorded alternately on A and B each produce exactly one case.detained notice,
     and the rights holder's webhook (a local receiver counting POSTs by X-Touchstone-Event-Id)
     receives each notice exactly once although both delivery workers run;
  3. a detention whose consignor is a police target produces one hit per side and one
     notice each, although both nodes run the matcher;
  4. deadline reminders and the consequences of silence (the deadline pass, run by both nodes
     as they start together) happen once: one reminder per obligation, one "answered" step and
     one case.ready notice per case, no case event recorded twice;
  5. files are shared: a picture uploaded through A, and the demo's pictures A drew at its
     start, are served by B, whose data directory never held them.

Standard library only; psql for the database checks. Run through scripts/two-nodes.sh.
"""

import argparse
import http.server
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
import zlib

KEY = "two-nodes-coordination-key-0123456789abcdef"


def gtin(brand, item):
    body = "2%06d%05d" % (brand, item)
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return body + str((10 - total % 10) % 10)


def png(width, height, seed):
    """A PNG of random pixels (standard library only): content no other test uploads."""
    rnd = random.Random(seed)
    rows = b"".join(b"\x00" + bytes(rnd.randrange(256) for _ in range(width * 3)) for _ in range(height))

    def chunk(kind, data):
        return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")
    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 2, 0, 0, 0])
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def picture_hashes(value):
    """The hashes of every picture a card's "images" lists name."""
    if isinstance(value, dict):
        found = [i["hash"] for i in value.get("images") or [] if isinstance(i, dict) and i.get("hash")]
        return found + [h for k, v in value.items() if k != "images" for h in picture_hashes(v)]
    if isinstance(value, list):
        return [h for v in value for h in picture_hashes(v)]
    return []


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Receiver(http.server.BaseHTTPRequestHandler):
    counts = {}
    kinds = {}
    lock = threading.Lock()

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        event = self.headers.get("X-Touchstone-Event-Id", "")
        kind = json.loads(body or b"{}").get("kind", "?")
        with Receiver.lock:
            Receiver.counts[event] = Receiver.counts.get(event, 0) + 1
            Receiver.kinds[event] = kind
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


class Node:
    def __init__(self, name, binary, data_dir, db_url, config, env):
        self.name, self.binary, self.data_dir, self.db_url, self.config, self.env = name, binary, data_dir, db_url, config, env
        self.port = free_port()
        self.base = "http://127.0.0.1:%d" % self.port
        self.proc = None
        self.log = open(os.path.join(data_dir, "serve-%s.log" % name), "ab")

    def start(self, demo=False):
        args = [self.binary, "--config", self.config, "serve", "--bind", "127.0.0.1:%d" % self.port,
                "--data-dir", self.data_dir, "--database-url", self.db_url]
        if demo:
            args.append("--demo")
        self.proc = subprocess.Popen(args, stdout=self.log, stderr=self.log, env=self.env)

    def wait_ready(self, timeout=300):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit("node %s exited with %s; see %s" % (self.name, self.proc.returncode, self.log.name))
            try:
                with urllib.request.urlopen(self.base + "/readyz", timeout=2) as r:
                    if r.status == 200:
                        return
            except Exception:
                pass
            time.sleep(0.2)
        raise SystemExit("node %s not ready within %d s" % (self.name, timeout))

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def raw(self, method, path, token, data=None):
        """A call whose body and answer are bytes: (status, bytes)."""
        req = urllib.request.Request(self.base + path, data=data, method=method)
        req.add_header("Authorization", "Bearer " + token)
        if data is not None:
            req.add_header("Content-Type", "application/octet-stream")
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()

    def call(self, method, path, token, body=None, headers=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method)
        req.add_header("Authorization", "Bearer " + token)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        for k, v in (headers or {}).items():
            req.add_header(k, v)
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                return r.status, json.loads(r.read() or b"null")
        except urllib.error.HTTPError as e:
            text = e.read()
            try:
                return e.code, json.loads(text)
            except ValueError:
                return e.code, text.decode(errors="replace")


class Checks:
    def __init__(self):
        self.results = []

    def add(self, name, good, detail=""):
        self.results.append((name, good, detail))
        print("  [%s] %s%s" % ("ok" if good else "FAIL", name, "" if good or not detail else ": %s" % (detail,)), flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--db-url", required=True, help="an empty PostgreSQL database")
    ap.add_argument("--detentions", type=int, default=20)
    args = ap.parse_args()
    binary = os.path.abspath(args.bin)
    work = tempfile.mkdtemp(prefix="ts-two-nodes-")
    config = os.path.join(work, "touchstone.toml")
    with open(config, "w") as f:
        f.write("[notify]\nwebhook_allow_local = true\npoll_interval_ms = 200\nretry_base_ms = 1000\n")
    # (No per-token API limits in the way: the test's tokens send as fast as they can.)
    env = dict(os.environ, TOUCHSTONE_COORDINATION_KEY=KEY, TOUCHSTONE_API_REQUESTS_PER_MINUTE="100000000",
               TOUCHSTONE_API_BURST="1000000", TOUCHSTONE_API_CONCURRENT_REQUESTS="10000")
    env.setdefault("TOUCHSTONE_LOG", "warn")

    def psql(sql):
        out = subprocess.run(["psql", args.db_url, "-X", "-q", "-A", "-t", "-F", "\t", "-c", sql],
                             capture_output=True, text=True, check=True).stdout
        return [tuple(int(v) if v.lstrip("-").isdigit() else v for v in line.split("\t")) for line in out.splitlines() if line]

    def token(user):
        out = subprocess.run([binary, "--config", config, "token", "create", "--user", user, "--name", "two-nodes",
                              "--data-dir", work, "--database-url", args.db_url], capture_output=True, text=True, env=env)
        if out.returncode != 0:
            raise SystemExit("token create: " + out.stderr)
        return out.stdout.strip()

    hook_port = free_port()
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", hook_port), Receiver)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()

    a_dir, b_dir = os.path.join(work, "a"), os.path.join(work, "b")
    os.makedirs(a_dir)
    os.makedirs(b_dir)
    a = Node("a", binary, a_dir, args.db_url, config, env)
    b = Node("b", binary, b_dir, args.db_url, config, env)
    checks = Checks()
    ok = False
    try:
        t0 = time.time()
        a.start(demo=True)  # seeds the demo data once
        a.wait_ready()
        b.start()
        b.wait_ready()
        print("two nodes up in %.1f s: A %s, B %s (one database, a data directory each)" % (time.time() - t0, a.base, b.base), flush=True)
        brand_tok, officer_tok, police_tok = token("brand@lumiere.demo"), token("officer@douane.demo"), token("coordinator@police.demo")

        # The rights holder registers its webhook through B.
        status, hook = b.call("POST", "/api/v1/webhooks", brand_tok, {"url": "http://127.0.0.1:%d/hook" % hook_port, "description": "two-node test"})
        if status != 201:
            raise SystemExit("webhook: %s %s" % (status, hook))

        # 1. Publication on one node, found on the other.
        status, found = a.call("GET", "/api/v1/lookup?code=" + gtin(0, 0), officer_tok)
        brand_id = found["product"]["brand_id"]
        demo_product = found["product"]["product_id"]
        for n, (writer, reader) in enumerate([(a, b), (b, a)]):
            word = "Quillonade%s" % "".join(random.choice("bcdfghjklmnpqrstvwxz") for _ in range(6))
            code = gtin(0, 90000 + random.randrange(9000) + n)
            status, product = writer.call("POST", "/api/v1/brands/%d/products" % brand_id, brand_tok, {
                "key": word.lower(), "sheet": {"names": {"en": "%s night cream 50 ml" % word}, "category": "creams", "gtins": [code], "hs_code": "330499"}})
            if status != 201:
                raise SystemExit("create product: %s %s" % (status, product))
            status, _ = writer.call("POST", "/api/v1/products/%d/publish" % product["id"], brand_tok)
            published = time.time()
            looked = searched = None
            typo = word[:2] + word[3] + word[2] + word[4:]  # "Qulilonade…": two letters swapped, forgiven
            while time.time() - published < 10 and (looked is None or searched is None):
                if looked is None:
                    s, r = reader.call("GET", "/api/v1/lookup?code=" + code, officer_tok)
                    if s == 200 and r.get("product") and r["product"]["product_id"] == product["id"]:
                        looked = time.time() - published
                if searched is None:
                    s, r = reader.call("GET", "/api/v1/search?q=" + typo, officer_tok)
                    if s == 200 and any(h.get("product_id") == product["id"] for h in r["hits"]):
                        searched = time.time() - published
                time.sleep(0.05)
            checks.add("published on %s, found by lookup on %s within 2 s (%s)" % (writer.name.upper(), reader.name.upper(), fmt(looked)),
                       looked is not None and looked <= 2.0)
            checks.add("published on %s, found by search ('%s') on %s within 2 s (%s)" % (writer.name.upper(), typo, reader.name.upper(), fmt(searched)),
                       searched is not None and searched <= 2.0)

        # 5. Files shared: uploaded through A, served by B (whose data directory is its own).
        picture = png(64, 48, time.time())
        status, stored = a.raw("POST", "/api/v1/media", brand_tok, picture)
        stored = json.loads(stored) if status == 201 else {}
        digest = stored.get("hash", "")
        cached = os.path.join(b_dir, "media", digest[:2], digest[2:4], digest)
        was_on_b = os.path.exists(cached)
        status_a, from_a = a.raw("GET", "/api/v1/media/" + digest, brand_tok)
        status_b, from_b = b.raw("GET", "/api/v1/media/" + digest, brand_tok)
        checks.add("a picture uploaded through A (%s) is served by B (%s), the same bytes" % (status, status_b),
                   status == 201 and not was_on_b and status_a == 200 and status_b == 200 and from_a == from_b,
                   (status, status_a, status_b, len(from_a), len(from_b)))
        checks.add("B keeps the file it fetched in its own data directory", os.path.exists(cached), cached)
        status_t, _ = b.raw("GET", "/api/v1/media/%s/thumbnail" % digest, brand_tok)
        status, card = b.call("GET", "/api/v1/lookup?code=" + gtin(0, 0), officer_tok)
        demo_pictures = picture_hashes(card) if status == 200 else []
        served = [b.raw("GET", "/api/v1/media/" + h, officer_tok)[0] for h in demo_pictures]
        checks.add("the demo's pictures A drew at its start are served by B (%d pictures, thumbnail %s)" % (len(served), status_t),
                   status_t == 200 and served and all(s == 200 for s in served), served)
        unshared = psql("SELECT COUNT(*) FROM media m WHERE NOT EXISTS (SELECT 1 FROM media_files f WHERE f.hash = m.hash)")[0][0]
        checks.add("every file a record names is in the database (%d not)" % unshared, unshared == 0)

        # 3 (set up first). A police target on B; detentions on A and B, one naming it.
        today = time.strftime("%Y-%m-%d")
        status, op = b.call("POST", "/api/v1/operations", police_tok, {
            "name": "Opération Deux Nœuds", "kind": "investigation", "status": "active", "starts_on": today, "ends_on": "2099-12-31",
            "contact": {"name": "Cdt. Julien Moreau", "phone": "+33 1 23 45 67 89"}, "confidentiality": "confidential",
            "tell_detaining_officer": True})
        if status != 201:
            raise SystemExit("operation: %s %s" % (status, op))
        status, r = b.call("POST", "/api/v1/operations/%d/targets" % op["id"], police_tok,
                           [{"kind": "company", "value": "Quillon Export Ltd.", "country": "FR"}])
        if status != 200:
            raise SystemExit("targets: %s %s" % (status, r))

        # 2. Detentions alternately on A and B, all naming a Maison Lumière product.
        case_ids = []
        for i in range(args.detentions):
            node = a if i % 2 == 0 else b
            consignor = "QUILLON EXPORT LIMITED" if i == 0 else "Shenzhen Bright Trading %d" % i
            body = {"case_type": "standard", "detain": True, "sheet": {
                "office": {"code": "FR000730", "name": "Roissy", "country": "FR"}, "transport_mode": "air",
                "consignor": {"name": consignor, "country": "FR"},
                "goods": [{"description": "night cream", "quantity": 10 + i, "unit": "pieces", "product_id": demo_product}]}}
            status, case = node.call("POST", "/api/v1/cases", officer_tok, body, {"Idempotency-Key": "two-nodes-%d" % i})
            if status != 201:
                raise SystemExit("case on %s: %s %s" % (node.name, status, case))
            case_ids.append(case["id"])
        first = case_ids[0]
        expected = {"case-%d-case.detained-org-" % c for c in case_ids}
        deadline = time.time() + 30
        while time.time() < deadline:
            with Receiver.lock:
                got = {e for e in Receiver.counts if any(e.startswith(p) for p in expected)}
            if len(got) == len(case_ids):
                break
            time.sleep(0.2)
        time.sleep(3)  # time for a second, wrong, delivery to arrive
        notices = psql("SELECT event_id, COUNT(*) FROM notify_notices WHERE kind = 'case.detained' GROUP BY event_id")
        checks.add("%d detentions (alternating nodes): one case.detained notice each" % len(case_ids),
                   len(notices) == len(case_ids) and all(n == 1 for _, n in notices), notices[:3])
        with Receiver.lock:
            detained = {e: n for e, n in Receiver.counts.items() if Receiver.kinds[e] == "case.detained"}
        checks.add("the webhook received each case.detained exactly once (%d events, %d POSTs)" % (len(detained), sum(detained.values())),
                   len(detained) == len(case_ids) and all(n == 1 for n in detained.values()),
                   {e: n for e, n in detained.items() if n != 1})
        rows = psql("SELECT d.id, d.attempts, d.delivered_at IS NOT NULL, d.claimed_by FROM notify_deliveries d "
                    "JOIN notify_notices n ON n.id = d.notice_id WHERE d.channel = 'webhook' AND n.kind = 'case.detained'")
        claimers = sorted({r[3] for r in rows if r[3]})
        checks.add("every webhook delivery row delivered after one attempt (%d rows, claimed by %d worker(s))" % (len(rows), len(claimers)),
                   len(rows) == len(case_ids) and all(r[1] == 1 and r[2] in ("t", 1) for r in rows), rows[:3])
        dups = psql("SELECT notice_id, channel, destination, COUNT(*) FROM notify_deliveries GROUP BY notice_id, channel, destination HAVING COUNT(*) > 1")
        checks.add("no (notice, destination) twice in the outbox", not dups, dups[:3])

        # 3. The hit, once per side, although both nodes run the matcher every second.
        deadline = time.time() + 15
        while time.time() < deadline and not psql("SELECT 1 FROM coordination_hits WHERE own_item_id = %d OR hit_key LIKE 'case:%d:%%'" % (first, first)):
            time.sleep(0.2)
        time.sleep(3)
        hits = psql("SELECT hit_key, org_id, COUNT(*) FROM coordination_hits WHERE hit_key LIKE 'case:%%' GROUP BY hit_key, org_id")
        hit_notices = psql("SELECT kind, org_id, COUNT(*) FROM notify_notices WHERE kind = 'operation.hit' GROUP BY kind, org_id")
        checks.add("the detention naming the police target: one hit per side (%s)" % hits,
                   len(hits) == 2 and all(h[0] == hits[0][0] and h[2] == 1 for h in hits), hits)
        checks.add("one operation.hit notice per side (%s)" % hit_notices,
                   len(hit_notices) == 2 and all(n[2] == 1 for n in hit_notices), hit_notices)
        status, police_hits = a.call("GET", "/api/v1/coordination/hits", police_tok)
        checks.add("the police see one hit, read through the other node", status == 200 and len(police_hits) == 1, police_hits)

        # 4. Deadlines: bring half of the cases within two working days of their deadline and
        # put the other half past it, then start both nodes together: each runs the deadline
        # pass at once.
        a.stop()
        b.stop()
        now = int(time.time() * 1000)
        soon = [c for c in case_ids[1:] if c % 2 == 0]
        past = [c for c in case_ids[1:] if c % 2 == 1]
        psql("UPDATE case_obligations SET due_at = %d WHERE case_id IN (%s)" % (now + 3600 * 1000, ",".join(map(str, soon))))
        psql("UPDATE case_obligations SET due_at = %d WHERE case_id IN (%s)" % (now - 60 * 1000, ",".join(map(str, past))))
        a.start()
        b.start()
        a.wait_ready()
        b.wait_ready()
        reminders_expected = len(psql("SELECT id FROM case_obligations WHERE party_org_id IS NOT NULL AND case_id IN (%s)" % ",".join(map(str, soon))))
        deadline = time.time() + 20
        while time.time() < deadline:
            n = psql("SELECT COUNT(*) FROM notify_notices WHERE kind = 'case.deadline_reminder'")[0][0]
            done = psql("SELECT COUNT(*) FROM cases WHERE state <> 'detained' AND id IN (%s)" % ",".join(map(str, past)))[0][0]
            if n >= reminders_expected and done == len(past):
                break
            time.sleep(0.3)
        time.sleep(3)
        reminders = psql("SELECT event_id, COUNT(*) FROM notify_notices WHERE kind = 'case.deadline_reminder' GROUP BY event_id")
        checks.add("one reminder per obligation near its deadline (%d expected, %d notices)" % (reminders_expected, len(reminders)),
                   len(reminders) == reminders_expected and all(r[1] == 1 for r in reminders), reminders[:3])
        with Receiver.lock:
            got = {e: n for e, n in Receiver.counts.items() if Receiver.kinds[e] == "case.deadline_reminder"}
        deadline = time.time() + 10
        while len(got) < reminders_expected and time.time() < deadline:
            time.sleep(0.3)
            with Receiver.lock:
                got = {e: n for e, n in Receiver.counts.items() if Receiver.kinds[e] == "case.deadline_reminder"}
        checks.add("the webhook received each reminder exactly once", len(got) == reminders_expected and all(n == 1 for n in got.values()), got)
        ids = ",".join(map(str, past))
        answered = psql("SELECT case_id, COUNT(*) FROM case_events WHERE kind = 'answered' AND case_id IN (%s) GROUP BY case_id" % ids)
        checks.add("each case past its deadline moved on once (%d cases, %d 'answered' steps)" % (len(past), sum(r[1] for r in answered)),
                   len(answered) == len(past) and all(r[1] == 1 for r in answered), answered)
        twice = psql("SELECT case_id, kind, detail, COUNT(*) FROM case_events GROUP BY case_id, kind, detail HAVING COUNT(*) > 1")
        checks.add("no case event recorded twice (same case, kind and detail)", not twice, twice[:5])
        ready = psql("SELECT event_id, COUNT(*) FROM notify_notices WHERE kind = 'case.ready' GROUP BY event_id")
        checks.add("one case.ready notice per case past its deadline", len(ready) == len(past) and all(r[1] == 1 for r in ready), ready)

        ok = all(good for _, good, _ in checks.results)
        print("two nodes %s (%d checks, %.0f s)" % ("passed" if ok else "FAILED", len(checks.results), time.time() - t0))
    finally:
        a.stop()
        b.stop()
        httpd.shutdown()
        if ok:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print("logs kept in " + work)
    sys.exit(0 if ok else 1)


def fmt(t):
    return "not found in 10 s" if t is None else "%.2f s" % t


if __name__ == "__main__":
    main()
