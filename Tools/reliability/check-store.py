#!/usr/bin/env python3
"""Checks a Rollbook store from outside, independently of `rollbook verify`.

    Tools/reliability/check-store.py STORE.db

Exit 0 when intact, 1 with one line per problem otherwise. Checks: sequence numbers 1..n without gaps; each
prev_hash is the previous row's hash and each hash is SHA-256 over the length-prefixed fields (the formula of
Store's EventRow.computeHash); stream versions 1, 2, 3... per stream; command rows cover the log end to end, in
order, without overlap (so a command is in the log whole or not at all); every event names a recorded command.
Opens the file read-only (mode=ro), so it never runs WAL recovery writes of its own.
"""
import hashlib
import sqlite3
import sys

FIELDS = ["prev_hash", "seq", "stream_id", "stream_version", "type", "schema_version", "occurred_at",
          "recorded_at", "actor", "command_id", "payload"]


def row_hash(row):
    text = ""
    for name in FIELDS:
        value = str(row[name])
        text += f"{len(value.encode())}:{value}\n"
    return hashlib.sha256(text.encode()).hexdigest()


def check(path):
    problems = []
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    db.row_factory = sqlite3.Row
    db.execute("BEGIN")  # one snapshot for every query below
    previous, count, versions = "0" * 64, 0, {}
    for row in db.execute("SELECT * FROM events ORDER BY seq"):
        count += 1
        seq = row["seq"]
        if seq != count:
            problems.append(f"event {seq} at position {count}: sequence has a gap")
        if row["prev_hash"] != previous:
            problems.append(f"event {seq}: prev_hash breaks the chain")
        if row_hash(row) != row["hash"]:
            problems.append(f"event {seq}: hash does not match its content")
        expected = versions.get(row["stream_id"], 0) + 1
        if row["stream_version"] != expected:
            problems.append(f"event {seq}: {row['stream_id']} version {row['stream_version']}, expected {expected}")
        versions[row["stream_id"]] = row["stream_version"]
        previous = row["hash"]
        if len(problems) > 20:
            break
    following = 1
    for first, last in db.execute("SELECT first_seq, last_seq FROM commands ORDER BY first_seq"):
        if first != following or last < first:
            problems.append(f"command rows skip or overlap at event {following}")
        following = last + 1
    if following != count + 1:
        problems.append(f"command rows end at event {following - 1}, the log at {count}")
    orphans = db.execute(
        "SELECT count(*) FROM events WHERE command_id NOT IN (SELECT command_id FROM commands)").fetchone()[0]
    if orphans:
        problems.append(f"{orphans} events name no recorded command")
    db.execute("COMMIT")
    return count, problems


if __name__ == "__main__":
    events, found = check(sys.argv[1])
    for problem in found:
        print(problem)
    if not found:
        print(f"ok: {events} events")
    sys.exit(1 if found else 0)
