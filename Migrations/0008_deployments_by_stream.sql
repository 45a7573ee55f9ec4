-- Like replicasets_by_stream and pods_by_stream. Every command reads its stream's Deployment by stream id (to
-- load the stream, and again to assemble a snapshot), and without this index each read scanned the table: at
-- a thousand Deployments of 4 KB, a thousand page reads per lookup, most of a command's I/O at 1M events.
CREATE INDEX deployments_by_stream ON deployments (stream_id);
