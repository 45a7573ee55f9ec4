-- The quota controller's full resync after a user wrote a quota's status (the status subresource): when it is due,
-- per quota; the quotas' stream wakes at the earliest (streams.wake_at).
ALTER TABLE resource_quotas ADD COLUMN resync_at TEXT;
