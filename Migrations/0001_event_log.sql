-- The append-only event log. Every mutation and every simulated controller step is one row.
CREATE TABLE events (
    seq            INTEGER PRIMARY KEY,          -- global, gapless, starts at 1
    stream_id      TEXT    NOT NULL,             -- deployment/<namespace>/<name> or node/<node>
    stream_version INTEGER NOT NULL,             -- 1, 2, 3 ... within the stream
    type           TEXT    NOT NULL,             -- DeploymentCreated, ReplicaSetScaled, ...
    schema_version INTEGER NOT NULL,             -- payload schema version (see Upcaster)
    occurred_at    TEXT    NOT NULL,             -- simulated time, RFC 3339
    recorded_at    TEXT    NOT NULL,             -- wall-clock time of the append, RFC 3339
    actor          TEXT    NOT NULL,             -- user, or deployment-controller / kubelet / ...
    command_id     TEXT    NOT NULL,             -- groups every event one command caused
    payload        TEXT    NOT NULL CHECK (json_valid(payload)),
    prev_hash      TEXT    NOT NULL,             -- hash of the previous row (64 zeros for the first)
    hash           TEXT    NOT NULL,             -- SHA-256 over prev_hash and this row's fields
    UNIQUE (stream_id, stream_version)
) STRICT;

CREATE INDEX events_by_stream ON events (stream_id, stream_version);
CREATE INDEX events_by_command ON events (command_id);
CREATE INDEX events_by_type ON events (type);
CREATE INDEX events_by_actor ON events (actor);

CREATE TRIGGER events_are_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'rollbook: the event log is append-only (UPDATE refused)'); END;

CREATE TRIGGER events_are_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'rollbook: the event log is append-only (DELETE refused)'); END;

CREATE TRIGGER events_are_gapless BEFORE INSERT ON events
WHEN NEW.seq IS NOT (SELECT coalesce(max(seq), 0) + 1 FROM events)
  OR NEW.stream_version IS NOT (SELECT coalesce(max(stream_version), 0) + 1 FROM events WHERE stream_id = NEW.stream_id)
BEGIN SELECT RAISE(ABORT, 'rollbook: event sequence and stream versions must be gapless'); END;

-- One row per command that appended events: who ran what.
CREATE TABLE commands (
    command_id  TEXT PRIMARY KEY,
    actor       TEXT NOT NULL,
    argv        TEXT NOT NULL CHECK (json_valid(argv)),
    occurred_at TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    first_seq   INTEGER NOT NULL,
    last_seq    INTEGER NOT NULL
) STRICT;

CREATE TRIGGER commands_are_append_only_update BEFORE UPDATE ON commands
BEGIN SELECT RAISE(ABORT, 'rollbook: the command log is append-only (UPDATE refused)'); END;

CREATE TRIGGER commands_are_append_only_delete BEFORE DELETE ON commands
BEGIN SELECT RAISE(ABORT, 'rollbook: the command log is append-only (DELETE refused)'); END;
