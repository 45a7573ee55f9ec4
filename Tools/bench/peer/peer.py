"""The peer: the Python `eventsourcing` library (PyPI) with its SQLite persistence, on the same logical history.

    python peer.py append SOURCE_STORE PEER_DB   every Rollbook transaction (one `commands` row) saved as one
                                                 Application.save() of the aggregates it touched (one aggregate
                                                 per stream, so per Deployment), same payloads
    python peer.py replay PEER_DB                every aggregate rebuilt from its events (repository.get)

Durability matches Rollbook's: WAL (eventsourcing's default for a file) and PRAGMA synchronous=FULL, set
explicitly on every connection. Only save() (append) and repository.get() (replay) are timed. Prints one JSON
object.
"""

import json
import resource
import sqlite3
import sys
import time
import uuid

from eventsourcing.application import Application
from eventsourcing.domain import Aggregate, event
from eventsourcing import sqlite as es_sqlite

SYNCHRONOUS = "FULL"

_create_connection = es_sqlite.SQLiteConnectionPool._create_connection


def _create_connection_with_sync(self):
    connection = _create_connection(self)
    connection._sqlite_conn.execute(f"PRAGMA synchronous={SYNCHRONOUS};")
    return connection


es_sqlite.SQLiteConnectionPool._create_connection = _create_connection_with_sync


class Stream(Aggregate):
    """One Rollbook stream (a Deployment, or the node) as one aggregate."""

    @event("Opened")
    def __init__(self, stream_id: str):
        self.stream_id = stream_id
        self.events = 0
        self.last_type = None

    @staticmethod
    def create_id(stream_id: str) -> uuid.UUID:
        return uuid.uuid5(uuid.NAMESPACE_URL, "rollbook:" + stream_id)

    @event("Happened")
    def happened(self, kind: str, occurred_at: str, actor: str, payload: dict):
        self.events += 1
        self.last_type = kind


def make_app(path: str) -> Application:
    return Application(env={"PERSISTENCE_MODULE": "eventsourcing.sqlite", "SQLITE_DBNAME": path})


def append(source: str, target: str) -> dict:
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    transactions = src.execute("SELECT first_seq, last_seq FROM commands ORDER BY first_seq").fetchall()
    app = make_app(target)
    aggregates: dict[str, Stream] = {}
    timed = 0.0
    events = 0
    latencies = []
    cursor = src.execute("SELECT seq, stream_id, type, occurred_at, actor, payload FROM events ORDER BY seq")
    row = cursor.fetchone()
    for first, last in transactions:
        touched = {}
        while row is not None and row[0] <= last:
            _, stream_id, kind, occurred_at, actor, payload = row
            aggregate = aggregates.get(stream_id)
            if aggregate is None:
                aggregate = aggregates[stream_id] = Stream(stream_id)
            aggregate.happened(kind, occurred_at, actor, json.loads(payload))
            touched[stream_id] = aggregate
            events += 1
            row = cursor.fetchone()
        started = time.perf_counter()
        app.save(*touched.values())
        elapsed = time.perf_counter() - started
        latencies.append(elapsed)
        timed += elapsed
    latencies.sort()
    return {
        "events": events,
        "aggregates": len(aggregates),
        "transactions": len(transactions),
        "seconds": timed,
        "eventsPerSecond": events / timed,
        "p50Ms": latencies[len(latencies) // 2] * 1000,
        "p99Ms": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000,
        "streamIds": sorted(aggregates),
    }


def replay(path: str, stream_ids: list[str]) -> dict:
    app = make_app(path)
    started = time.perf_counter()
    events = 0
    for stream_id in stream_ids:
        aggregate = app.repository.get(Stream.create_id(stream_id))
        events += aggregate.version  # Opened + every Happened
    seconds = time.perf_counter() - started
    return {
        "events": events,
        "aggregates": len(stream_ids),
        "seconds": seconds,
        "eventsPerSecond": events / seconds,
        "maxRSSKiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "append":
        result = append(sys.argv[2], sys.argv[3])
        with open(sys.argv[3] + ".streams.json", "w") as f:
            json.dump(result.pop("streamIds"), f)
        print(json.dumps(result))
    elif len(sys.argv) == 3 and sys.argv[1] == "replay":
        with open(sys.argv[2] + ".streams.json") as f:
            print(json.dumps(replay(sys.argv[2], json.load(f))))
    else:
        sys.exit(__doc__)
