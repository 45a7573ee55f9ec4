-- events_by_stream indexed exactly what UNIQUE (stream_id, stream_version) already indexes
-- (sqlite_autoindex_events_1): every append maintained both, and it cost ~47 bytes per event.
DROP INDEX IF EXISTS events_by_stream;
