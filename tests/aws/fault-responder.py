#!/usr/bin/env python3
"""A scripted, fault-injecting HTTP responder for the AWS client tests. Loopback only.

Prints its port on stdout, then answers requests in order from a script that the test
sets with   POST /__script   (a JSON list of steps; the list replaces the previous one):
  {"status": 200, "body": "...", "headers": {...}}   an answer (x-amzn-RequestId added)
  {"sleep": 2.5, ...}                                wait first (past the client timeout)
  {"reset": true}                                    close the connection with a TCP RST
  {"truncate": 100, "body": "..."}                   announce the full length, send 100 bytes, close
When the script runs out it answers 599. GET /__log returns the requests seen since the
last script (method, path, headers, body) as JSON.
It stops by itself when its stdin closes (its parent is gone), after --lifetime seconds,
or after --max-requests requests. Usage: fault-responder.py [--tls CERT KEY]"""
import argparse
import json
import socket
import ssl
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

lock = threading.Lock()
script = []
log = []
served = 0


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _read_body(self):
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n else b""

    def _send(self, status, body, headers=None):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        # one connection per request: a client reusing a connection that then fails would
        # retry on its own (curl does, before anything came back), and the script's steps
        # would no longer match the client's attempts one to one
        self.send_header("Connection", "close")
        self.close_connection = True
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        self._handle()

    def do_PUT(self):
        self._handle()

    def do_POST(self):
        self._handle()

    def _handle(self):
        global script, log, served
        body = self._read_body()
        if self.path == "/__script":
            with lock:
                script = json.loads(body)
                log = []
            self._send(200, "ok")
            return
        if self.path == "/__log":
            with lock:
                self._send(200, json.dumps(log), {"Content-Type": "application/json"})
            return
        with lock:
            served += 1
            n = len(log)
            log.append({"method": self.command, "path": self.path,
                        "headers": {k.lower(): v for k, v in self.headers.items()},
                        "body": body.decode(errors="replace")})
            step = script.pop(0) if script else {"status": 599, "body": "script exhausted"}
        if step.get("sleep"):
            time.sleep(step["sleep"])
        if step.get("reset"):
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
            return
        headers = dict(step.get("headers", {}))
        headers.setdefault("x-amzn-RequestId", f"req-{n + 1}")
        data = step.get("body", "").encode()
        if "truncate" in step:
            self.send_response(step.get("status", 200))
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(data[:step["truncate"]])
            self.wfile.flush()
            self.close_connection = True
            return
        try:
            self._send(step.get("status", 200), data, headers)
        except (BrokenPipeError, ConnectionResetError):
            pass


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    ap.add_argument("--lifetime", type=float, default=90)
    ap.add_argument("--max-requests", type=int, default=500)
    args = ap.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    if args.tls:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(args.tls[0], args.tls[1])
        server.socket = ctx.wrap_socket(server.socket, server_side=True)
    print(server.server_address[1], flush=True)

    def watchdog():
        start = time.monotonic()
        while time.monotonic() - start < args.lifetime and served < args.max_requests:
            time.sleep(0.2)
        server.shutdown()

    def stdin_watch():
        sys.stdin.read()
        server.shutdown()

    threading.Thread(target=watchdog, daemon=True).start()
    threading.Thread(target=stdin_watch, daemon=True).start()
    server.serve_forever(poll_interval=0.1)


if __name__ == "__main__":
    main()
