-- Checkpoints of Deployment streams, so a point-in-time read folds a few events instead of the whole stream.
-- Derived data like the projections: written in the same transaction as the events (whenever a command takes a
-- stream's version across a multiple of StreamSnapshots.interval), rebuilt by `rollbook replay`, checked by
-- `rollbook verify`. A store migrated from schema 3 starts with none (reads fold from the start until
-- `rollbook replay` fills the table); a missing snapshot only makes a read slower.

CREATE TABLE stream_snapshots (
    stream_id      TEXT    NOT NULL,
    seq            INTEGER NOT NULL,             -- the last event folded in
    stream_version INTEGER NOT NULL,             -- the stream's version after that event
    -- The DeploymentStream in two parts, each canonical JSON deflated (zlib) with its length inflated: its
    -- objects (what lists read), and its Kubernetes Events with their aggregation state (often most of it).
    state          BLOB    NOT NULL,
    state_size     INTEGER NOT NULL,
    kube_events    BLOB    NOT NULL,
    kube_events_size INTEGER NOT NULL,
    PRIMARY KEY (stream_id, seq)
) STRICT;
