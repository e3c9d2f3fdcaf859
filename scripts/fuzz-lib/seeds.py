#!/usr/bin/env python3
"""Writes scripts/fuzz's seed corpus for one target from the event fixtures.

    seeds.py TARGET OUTDIR EVENT_FILE...

events: each invocation payload as it is; bodies: each event's body, behind one selector
byte per decoder (10); query: each raw query string; paths: each raw path.
Event files are either an event or a replay case ({"steps": [{"event": ...}]})."""
import base64
import hashlib
import json
import os
import sys


def events(path):
    with open(path, "rb") as handle:
        try:
            document = json.load(handle)
        except ValueError:
            return
    if isinstance(document, dict) and isinstance(document.get("steps"), list):
        for step in document["steps"]:
            if isinstance(step, dict) and isinstance(step.get("event"), dict):
                yield step["event"]
    elif isinstance(document, dict):
        yield document


def seeds(target, event):
    if target == "events":
        yield json.dumps(event).encode()
    elif target == "bodies":
        body = event.get("body")
        if isinstance(body, str):
            try:
                data = base64.b64decode(body) if event.get("isBase64Encoded") else body.encode()
            except ValueError:  # a fixture with a deliberately broken base64 body
                data = body.encode()
            for selector in range(10):
                yield bytes([selector]) + data
    elif target == "query":
        query = event.get("rawQueryString")
        if query is None:
            params = event.get("queryStringParameters") or {}
            query = "&".join(f"{k}={v}" for k, v in params.items())
        yield query.encode()
    elif target == "paths":
        path = event.get("rawPath") or event.get("path")
        if isinstance(path, str):
            yield path.encode()


def main():
    if len(sys.argv) < 3 or sys.argv[1] in ("-h", "--help"):
        print(__doc__)
        return 0 if len(sys.argv) > 1 else 2
    target, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    count = 0
    for path in sys.argv[3:]:
        for event in events(path):
            for data in seeds(target, event):
                name = hashlib.sha1(data).hexdigest()
                with open(os.path.join(out, name), "wb") as handle:
                    handle.write(data)
                count += 1
    print(f"{count} seeds for {target}")
    return 0


sys.exit(main())
