-- The EventCorrelator's state, one row per aggregate key instead of one JSON text per stream.
--
-- Nearly every command records a Kubernetes Event and so changes a record or two, but `streams.aggregates`
-- held them all (a busy stream's text is 50-85 KB: one record per Pod's "Scheduled" Event, kept for the Event
-- TTL), and every commit wrote it again. As rows, a commit writes the records it changed and deletes the ones it
-- forgot.
CREATE TABLE stream_aggregates (
    stream_id      TEXT NOT NULL,
    key            TEXT NOT NULL,                -- source, object, type, reason, joined by U+001F
    last_timestamp TEXT NOT NULL,                -- RFC 3339
    messages       TEXT NOT NULL,                -- JSON array: the distinct messages of the current window
    PRIMARY KEY (stream_id, key)
) STRICT, WITHOUT ROWID;

INSERT INTO stream_aggregates (stream_id, key, last_timestamp, messages)
SELECT s.stream_id, a.key, a.value ->> '$.lastTimestamp', a.value -> '$.messages'
FROM streams AS s, json_each(s.aggregates) AS a;

ALTER TABLE streams DROP COLUMN aggregates;
