-- Projections: the current state, rebuilt from the log by `rollbook replay`, kept in step by every command
-- in the same transaction as its events. `object` columns hold the Kubernetes object as canonical JSON.

CREATE TABLE streams (
    stream_id      TEXT PRIMARY KEY,
    version        INTEGER NOT NULL,
    pod_sequence   INTEGER NOT NULL,
    event_sequence INTEGER NOT NULL,
    aggregates     TEXT NOT NULL,                -- EventCorrelator state
    wake_at        TEXT,                         -- next simulated time something happens unprompted
    last_command   TEXT                          -- command id of the last user mutation of the stream
) STRICT;
CREATE INDEX streams_by_wake ON streams (wake_at) WHERE wake_at IS NOT NULL;

CREATE TABLE deployments (
    namespace   TEXT NOT NULL,
    name        TEXT NOT NULL,
    stream_id   TEXT NOT NULL,
    uid         TEXT NOT NULL,
    generation  INTEGER NOT NULL,
    replicas    INTEGER NOT NULL,
    ready       INTEGER NOT NULL,
    updated     INTEGER NOT NULL,
    available   INTEGER NOT NULL,
    paused      INTEGER NOT NULL,
    revision    INTEGER,
    images      TEXT NOT NULL,                   -- comma-joined container images
    object      TEXT NOT NULL,
    PRIMARY KEY (namespace, name)
) STRICT;

CREATE TABLE replicasets (
    namespace   TEXT NOT NULL,
    name        TEXT NOT NULL,
    stream_id   TEXT NOT NULL,
    deployment  TEXT,                            -- controlling Deployment, NULL when orphaned
    uid         TEXT NOT NULL,
    revision    INTEGER,
    replicas    INTEGER NOT NULL,
    ready       INTEGER NOT NULL,
    available   INTEGER NOT NULL,
    images      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    object      TEXT NOT NULL,
    PRIMARY KEY (namespace, name)
) STRICT;
CREATE INDEX replicasets_by_stream ON replicasets (stream_id);

CREATE TABLE pods (
    namespace   TEXT NOT NULL,
    name        TEXT NOT NULL,
    stream_id   TEXT NOT NULL,
    replicaset  TEXT,
    uid         TEXT NOT NULL,
    phase       TEXT NOT NULL,
    ready       INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    object      TEXT NOT NULL,
    PRIMARY KEY (namespace, name)
) STRICT;
CREATE INDEX pods_by_stream ON pods (stream_id);

CREATE TABLE k8s_events (
    namespace       TEXT NOT NULL,
    name            TEXT NOT NULL,
    stream_id       TEXT NOT NULL,
    involved_kind   TEXT NOT NULL,
    involved_name   TEXT NOT NULL,
    involved_uid    TEXT NOT NULL,
    type            TEXT NOT NULL,
    reason          TEXT NOT NULL,
    message         TEXT NOT NULL,
    source          TEXT NOT NULL,
    count           INTEGER NOT NULL,
    first_timestamp TEXT NOT NULL,
    last_timestamp  TEXT NOT NULL,
    object          TEXT NOT NULL,
    PRIMARY KEY (namespace, name)
) STRICT;
CREATE INDEX k8s_events_by_stream ON k8s_events (stream_id);

-- Every revision number a ReplicaSet ever held, never removed (kubectl forgets; we do not).
CREATE TABLE revisions (
    stream_id    TEXT NOT NULL,
    namespace    TEXT NOT NULL,
    deployment   TEXT NOT NULL,
    revision     INTEGER NOT NULL,
    replicaset   TEXT NOT NULL,
    images       TEXT NOT NULL,
    change_cause TEXT,
    template     TEXT NOT NULL,
    seq          INTEGER NOT NULL,               -- the event that assigned the number
    occurred_at  TEXT NOT NULL,
    object       TEXT NOT NULL,
    PRIMARY KEY (stream_id, seq)
) STRICT;

CREATE TABLE images (
    image           TEXT PRIMARY KEY,
    loaded_at       TEXT NOT NULL,
    startup_seconds INTEGER NOT NULL,
    behaviour       TEXT NOT NULL                 -- ready, never-ready or crash
) STRICT;

-- Images whose pulls fail (`rollbook images block`), loaded or not.
CREATE TABLE blocked_images (
    image TEXT PRIMARY KEY
) STRICT;

-- The simulated kubelet's pending timers: readiness after startup, crashes, pull retries.
CREATE TABLE container_timers (
    stream_id TEXT NOT NULL,
    container TEXT NOT NULL,                     -- <pod>/<container>
    due_at    TEXT NOT NULL,
    attempt   INTEGER NOT NULL,
    PRIMARY KEY (stream_id, container)
) STRICT;
