-- The creation time as a column, like replicasets.created_at and pods.created_at: `get deployments` prints
-- an AGE for every row, and reading it from `object` cost SQLite a parse of each 4 KB object.
ALTER TABLE deployments ADD COLUMN created_at TEXT NOT NULL DEFAULT '';
UPDATE deployments SET created_at = coalesce(object ->> '$.metadata.creationTimestamp', '');
