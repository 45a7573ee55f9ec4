-- Where the log's clock first passed each time, so `--at TIME` resolves by an index seek instead of scanning the
-- log: one row per event stamped later than every event before it (the running maximum of occurred_at).
-- Derived data like the projections: kept by every command in its transaction, rebuilt by `rollbook replay`,
-- compared by `rollbook verify`. The INSERT fills it for a store migrated from an earlier schema.

CREATE TABLE time_marks (
    seq     INTEGER PRIMARY KEY,                 -- an event stamped later than every event before it
    seconds INTEGER NOT NULL                     -- its occurred_at, as Unix seconds
) STRICT;
CREATE INDEX time_marks_by_seconds ON time_marks (seconds);

INSERT INTO time_marks (seq, seconds)
SELECT seq, t FROM (
    SELECT seq, unixepoch(occurred_at) AS t,
           max(unixepoch(occurred_at)) OVER (ORDER BY seq ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before
    FROM events)
WHERE t IS NOT NULL AND (before IS NULL OR t > before);
