-- Views made for auditing with `rollbook sql` (see docs/audit-cookbook.md). They only join and unpack what the
-- log (`events`, `commands`) and the `revisions` projection already hold; nothing is stored twice.
--
-- Conventions: `seq` is the event the row comes from; `actor` is the user whose command caused it, even when a
-- controller appended the event; `command` is that command line, space-joined; times are simulated RFC 3339.

-- Every command that appended events: who ran what, when, and which events it appended.
CREATE VIEW audit_commands AS
SELECT c.command_id,
       c.occurred_at,
       c.actor,
       (SELECT group_concat(value, ' ') FROM json_each(c.argv)) AS command,
       c.first_seq,
       c.last_seq,
       c.last_seq - c.first_seq + 1 AS events
FROM commands c;

-- Every change a user made: one row per user event, with what it changed and the command line that made it.
CREATE VIEW audit_changes AS
SELECT e.seq,
       e.occurred_at,
       e.actor,
       CASE e.type
           WHEN 'ImageLoaded' THEN 'images load'
           WHEN 'ImageRemoved' THEN 'images rm'
           WHEN 'ImageBlocked' THEN 'images block'
           WHEN 'ImageUnblocked' THEN 'images unblock'
           WHEN 'DeploymentCreated' THEN 'create'
           WHEN 'DeploymentConfigured' THEN 'apply'
           WHEN 'DeploymentImageSet' THEN 'set image'
           WHEN 'DeploymentScaled' THEN 'scale'
           WHEN 'DeploymentPaused' THEN 'rollout pause'
           WHEN 'DeploymentResumed' THEN 'rollout resume'
           WHEN 'DeploymentRolledBack' THEN 'rollout undo'
           WHEN 'DeploymentAnnotated' THEN 'annotate'
           WHEN 'DeploymentRestarted' THEN 'rollout restart'
           WHEN 'DeploymentDeleted' THEN 'delete'
       END AS change,
       CASE WHEN e.stream_id LIKE 'deployment/%'
            THEN 'deployment/' || substr(e.stream_id, instr(substr(e.stream_id, 12), '/') + 12)
            ELSE 'image/' || json_extract(e.payload, '$.image')
       END AS object,
       CASE WHEN e.stream_id LIKE 'deployment/%'
            THEN substr(e.stream_id, 12, instr(substr(e.stream_id, 12), '/') - 1)
       END AS namespace,
       CASE e.type
           WHEN 'DeploymentImageSet' THEN
               (SELECT group_concat(key || '=' || value, ',') FROM json_each(e.payload, '$.images'))
           WHEN 'DeploymentScaled' THEN
               json_extract(e.payload, '$.from') || ' -> ' || json_extract(e.payload, '$.to')
           WHEN 'DeploymentRolledBack' THEN 'to revision ' || json_extract(e.payload, '$.toRevision')
           WHEN 'DeploymentCreated' THEN
               (SELECT group_concat(json_extract(value, '$.image'), ',')
                FROM json_each(e.payload, '$.deployment.spec.template.spec.containers'))
           WHEN 'DeploymentConfigured' THEN
               (SELECT group_concat(json_extract(value, '$.image'), ',')
                FROM json_each(e.payload, '$.deployment.spec.template.spec.containers'))
           WHEN 'DeploymentAnnotated' THEN
               (SELECT group_concat(key || '=' || value, ',') FROM json_each(e.payload, '$.set'))
           WHEN 'DeploymentDeleted' THEN 'cascade=' || json_extract(e.payload, '$.cascade')
       END AS detail,
       e.command_id,
       (SELECT group_concat(value, ' ') FROM json_each(c.argv)) AS command
FROM events e
LEFT JOIN commands c ON c.command_id = e.command_id
WHERE e.type IN ('ImageLoaded', 'ImageRemoved', 'ImageBlocked', 'ImageUnblocked', 'DeploymentCreated',
                 'DeploymentConfigured', 'DeploymentImageSet', 'DeploymentScaled', 'DeploymentPaused',
                 'DeploymentResumed', 'DeploymentRolledBack', 'DeploymentAnnotated', 'DeploymentRestarted',
                 'DeploymentDeleted');

-- Every revision number a Deployment ever gave out (including those kubectl garbage-collects or renumbers), with
-- its images and change-cause, and who made it, when and how.
CREATE VIEW audit_revisions AS
SELECT r.namespace,
       r.deployment,
       r.revision,
       r.replicaset,
       r.images,
       r.change_cause,
       r.occurred_at,
       c.actor,
       (SELECT ch.change FROM audit_changes ch
        WHERE ch.command_id = e.command_id AND ch.object = 'deployment/' || r.deployment
        ORDER BY ch.seq LIMIT 1) AS how,
       (SELECT group_concat(value, ' ') FROM json_each(c.argv)) AS command,
       e.command_id,
       r.seq
FROM revisions r
JOIN events e ON e.seq = r.seq
LEFT JOIN commands c ON c.command_id = e.command_id;

-- Every rollback: the revision it left, the one it asked for, the number the restored template got.
CREATE VIEW audit_rollbacks AS
SELECT e.seq,
       e.occurred_at,
       e.actor,
       substr(e.stream_id, 12, instr(substr(e.stream_id, 12), '/') - 1) AS namespace,
       substr(e.stream_id, instr(substr(e.stream_id, 12), '/') + 12) AS deployment,
       (SELECT json_extract(p.payload, '$.revision') + 0 FROM events p
        WHERE p.stream_id = e.stream_id AND p.type = 'DeploymentRevisionSet' AND p.seq < e.seq
        ORDER BY p.seq DESC LIMIT 1) AS from_revision,
       json_extract(e.payload, '$.toRevision') AS to_revision,
       (SELECT r.revision FROM revisions r JOIN events re ON re.seq = r.seq
        WHERE r.stream_id = e.stream_id AND re.command_id = e.command_id AND r.seq > e.seq
        ORDER BY r.seq LIMIT 1) AS new_revision,
       (SELECT group_concat(json_extract(value, '$.image'), ',')
        FROM json_each(e.payload, '$.template.spec.containers')) AS images,
       e.command_id,
       (SELECT group_concat(value, ' ') FROM json_each(c.argv)) AS command
FROM events e
LEFT JOIN commands c ON c.command_id = e.command_id
WHERE e.type = 'DeploymentRolledBack';

-- The replica count of every ReplicaSet over time: one row each time a ReplicaSet is created, scaled or deleted
-- (deleted counts as 0), with the user command that set the controllers going.
CREATE VIEW audit_replica_counts AS
WITH changes AS (
    SELECT e.seq,
           e.occurred_at,
           e.stream_id,
           CASE e.type WHEN 'ReplicaSetCreated' THEN 'created' WHEN 'ReplicaSetScaled' THEN 'scaled' ELSE 'deleted'
           END AS change,
           CASE e.type WHEN 'ReplicaSetCreated' THEN json_extract(e.payload, '$.replicaSet.metadata.name')
                       ELSE json_extract(e.payload, '$.name')
           END AS replicaset,
           CASE e.type WHEN 'ReplicaSetCreated' THEN coalesce(json_extract(e.payload, '$.replicaSet.spec.replicas'), 1)
                       WHEN 'ReplicaSetScaled' THEN json_extract(e.payload, '$.to')
                       ELSE 0
           END AS replicas,
           e.actor AS controller,
           e.command_id
    FROM events e
    WHERE e.type IN ('ReplicaSetCreated', 'ReplicaSetScaled', 'ReplicaSetDeleted')
)
SELECT ch.seq,
       ch.occurred_at,
       substr(ch.stream_id, 12, instr(substr(ch.stream_id, 12), '/') - 1) AS namespace,
       substr(ch.stream_id, instr(substr(ch.stream_id, 12), '/') + 12) AS deployment,
       ch.replicaset,
       ch.change,
       lag(ch.replicas) OVER (PARTITION BY ch.stream_id, ch.replicaset ORDER BY ch.seq) AS replicas_from,
       ch.replicas,
       ch.controller,
       c.actor,
       (SELECT group_concat(value, ' ') FROM json_each(c.argv)) AS command,
       ch.command_id
FROM changes ch
LEFT JOIN commands c ON c.command_id = ch.command_id;
