#!/usr/bin/env python3
"""A fault-injecting HTTP proxy in front of moto for the provisioning tests. Loopback only.

fault-proxy.py UPSTREAM_URL RULES_JSON: prints its port, then forwards every request
unchanged (so SigV4 signatures stay valid) except those a rule picks, which it answers
itself with an AWS error and does not forward. A rule:
  {"action": "ExecuteChangeSet", "every": 1, "times": 1, "status": 500, "code": "InternalFailure"}
matches Query requests whose Action is "action"; of those it fails every "every"-th one,
"times" times at most. A rule with "sleep": SECONDS (and no status) delays the matching
requests instead, then forwards them. GET /__log returns what was injected. Stops when stdin closes."""
import json
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

UPSTREAM = sys.argv[1].rstrip("/")
RULES = json.loads(sys.argv[2])
lock = threading.Lock()
seen = {}
injected = []


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _reply(self, status, body, headers=None):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        for k, v in (headers or {}).items():
            if k.lower() not in ("content-length", "transfer-encoding", "connection"):
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _handle(self):
        n = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(n) if n else b""
        if self.path == "/__log":
            with lock:
                self._reply(200, json.dumps(injected), {"Content-Type": "application/json"})
            return
        action = None
        if body and "x-www-form-urlencoded" in (self.headers.get("Content-Type") or ""):
            action = urllib.parse.parse_qs(body.decode(errors="replace")).get("Action", [None])[0]
        delay = 0
        with lock:
            for i, rule in enumerate(RULES):
                if action != rule["action"]:
                    continue
                key = (i, action)
                seen[key] = seen.get(key, 0) + 1
                done = sum(1 for e in injected if e["rule"] == i)
                if "sleep" in rule:
                    delay = rule["sleep"]
                    break
                if seen[key] % rule.get("every", 1) == 0 and done < rule.get("times", 1):
                    injected.append({"rule": i, "action": action, "status": rule["status"], "code": rule["code"]})
                    err = ("<ErrorResponse><Error><Type>Sender</Type><Code>%s</Code><Message>injected by "
                           "fault-proxy</Message></Error><RequestId>fault-%d</RequestId></ErrorResponse>"
                           % (rule["code"], len(injected)))
                    self._reply(rule["status"], err, {"Content-Type": "text/xml"})
                    return
        if delay:
            time.sleep(delay)
        req = urllib.request.Request(UPSTREAM + self.path, data=body if body else None, method=self.command)
        for k, v in self.headers.items():
            if k.lower() not in ("content-length", "connection", "accept-encoding"):
                req.add_header(k, v)
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                self._reply(r.status, r.read(), dict(r.headers.items()))
        except urllib.error.HTTPError as e:
            self._reply(e.code, e.read(), dict(e.headers.items()))

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _handle


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)

    def stdin_watch():
        sys.stdin.read()
        server.shutdown()

    threading.Thread(target=stdin_watch, daemon=True).start()
    server.serve_forever(poll_interval=0.1)


if __name__ == "__main__":
    main()
