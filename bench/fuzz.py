#!/usr/bin/env python3
"""Fuzz the running service with mangled evaluation requests; count 5xx and dropped connections.

Usage: python3 bench/fuzz.py [COUNT] [URL]   (default 3000 requests to http://127.0.0.1:8080)
Each request is bench/one-patient.json with a few random mutations: deleted, nulled, retyped or
duplicated fields, huge or negative numbers, unicode, deep nesting, unknown fields, truncated or
garbled bytes. Loopback only; the loop is bounded by COUNT.
"""
import json
import random
import sys
import urllib.error
import urllib.request

count = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
url = (sys.argv[2] if len(sys.argv) > 2 else "http://127.0.0.1:8080") + "/api/v1/evaluations"
base = json.load(open("bench/one-patient.json"))
rng = random.Random(7)
values = [None, "", " ", "x" * 10000, -1, 0, 1441, 10 ** 30, 3.5, True, [], {}, [[[[[]]]]], "2026-02-30",
          "2026-13", "🩺李", "\u0000", "PIGEON", {"$ne": 1}]


def paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, prefix + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from paths(value, prefix + (i,))


def mutate(doc):
    target = rng.choice([p for p in paths(doc) if p])
    parent = doc
    for step in target[:-1]:
        parent = parent[step]
    key = target[-1]
    action = rng.randrange(4)
    if action == 0 and isinstance(parent, dict):
        del parent[key]
    elif action == 1 and isinstance(parent, dict):
        parent["unknown_" + str(rng.randrange(99))] = rng.choice(values)
    else:
        parent[key] = rng.choice(values)


def body(i):
    doc = json.loads(json.dumps(base))
    for _ in range(rng.randint(1, 4)):
        mutate(doc)
    text = json.dumps(doc)
    kind = i % 10
    if kind == 7:
        text = text[: rng.randrange(len(text))]
    elif kind == 8:
        text = text.replace('"minutes"', '"minutes": 1, "minutes"', 1)
    elif kind == 9:
        text = "[" * 5000 + "]" * 5000
    return text.encode("utf-8", "surrogatepass")


statuses = {}
failures = 0
for i in range(count):
    request = urllib.request.Request(url, data=body(i), headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
        problem = error.read()
        if status == 400 and b'"pointer"' not in problem:
            print("400 without a field pointer:", problem[:200])
    except Exception as error:  # dropped connection, timeout
        failures += 1
        status = "dropped"
    statuses[status] = statuses.get(status, 0) + 1
server_errors = sum(n for s, n in statuses.items() if isinstance(s, int) and s >= 500)
print(f"{count} mangled requests: statuses {dict(sorted(statuses.items(), key=str))}; "
      f"{server_errors} 5xx, {failures} dropped")
sys.exit(1 if server_errors or failures else 0)
