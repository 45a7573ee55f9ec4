-- ResourceQuotas: one stream (`resourcequotas`) holds every namespace's, and this table is their projection, the
-- object as the API server would return it (status included). Users' writes and deletions join audit_changes as
-- `resourcequota/NAME`; SQLite replaces a view whole, so the view is restated with the two types added.
CREATE TABLE resource_quotas (
    namespace   TEXT NOT NULL,
    name        TEXT NOT NULL,
    object      TEXT NOT NULL,                   -- the ResourceQuota as JSON
    PRIMARY KEY (namespace, name)
) STRICT;

DROP VIEW audit_changes;

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
           -- A created ReplicaSet has no resourceVersion yet; a changed one carries the one it replaced.
           WHEN 'ReplicaSetConfigured' THEN
               CASE WHEN json_extract(e.payload, '$.replicaSet.metadata.resourceVersion') IS NULL
                    THEN 'create replicaset' ELSE 'change replicaset' END
           WHEN 'ReplicaSetDeleteRequested' THEN 'delete replicaset'
           WHEN 'PodConfigured' THEN
               CASE WHEN json_extract(e.payload, '$.pod.metadata.resourceVersion') IS NULL
                    THEN 'create pod' ELSE 'change pod' END
           WHEN 'PodDeleteRequested' THEN 'delete pod'
           WHEN 'ResourceQuotaWritten' THEN
               CASE WHEN json_extract(e.payload, '$.metadata.resourceVersion') IS NULL
                    THEN 'create resourcequota' ELSE 'change resourcequota' END
           WHEN 'ResourceQuotaDeleted' THEN 'delete resourcequota'
       END AS change,
       CASE WHEN e.type = 'ReplicaSetConfigured'
            THEN 'replicaset/' || json_extract(e.payload, '$.replicaSet.metadata.name')
            WHEN e.type = 'ReplicaSetDeleteRequested' THEN 'replicaset/' || json_extract(e.payload, '$.name')
            WHEN e.type = 'PodConfigured' THEN 'pod/' || json_extract(e.payload, '$.pod.metadata.name')
            WHEN e.type = 'PodDeleteRequested' THEN 'pod/' || json_extract(e.payload, '$.name')
            WHEN e.type = 'ResourceQuotaWritten' THEN 'resourcequota/' || json_extract(e.payload, '$.metadata.name')
            WHEN e.type = 'ResourceQuotaDeleted' THEN 'resourcequota/' || json_extract(e.payload, '$.name')
            WHEN e.stream_id LIKE 'deployment/%'
            THEN 'deployment/' || substr(e.stream_id, instr(substr(e.stream_id, 12), '/') + 12)
            ELSE 'image/' || json_extract(e.payload, '$.image')
       END AS object,
       CASE WHEN e.stream_id LIKE 'deployment/%'
            THEN substr(e.stream_id, 12, instr(substr(e.stream_id, 12), '/') - 1)
            WHEN e.type = 'ResourceQuotaWritten' THEN json_extract(e.payload, '$.metadata.namespace')
            WHEN e.type = 'ResourceQuotaDeleted' THEN json_extract(e.payload, '$.namespace')
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
           WHEN 'ReplicaSetConfigured' THEN
               'replicas=' || coalesce(json_extract(e.payload, '$.replicaSet.spec.replicas'), 1) || ' '
               || (SELECT group_concat(json_extract(value, '$.image'), ',')
                   FROM json_each(e.payload, '$.replicaSet.spec.template.spec.containers'))
           WHEN 'ReplicaSetDeleteRequested' THEN 'cascade=' || coalesce(json_extract(e.payload, '$.cascade'), 'background')
           WHEN 'PodConfigured' THEN
               (SELECT group_concat(key || '=' || value, ',') FROM json_each(e.payload, '$.pod.metadata.labels'))
           WHEN 'ResourceQuotaWritten' THEN
               (SELECT group_concat(key || '=' || value, ',') FROM json_each(e.payload, '$.spec.hard'))
       END AS detail,
       e.command_id,
       (SELECT group_concat(value, ' ') FROM json_each(c.argv)) AS command
FROM events e
LEFT JOIN commands c ON c.command_id = e.command_id
WHERE e.type IN ('ImageLoaded', 'ImageRemoved', 'ImageBlocked', 'ImageUnblocked', 'DeploymentCreated',
                 'DeploymentConfigured', 'DeploymentImageSet', 'DeploymentScaled', 'DeploymentPaused',
                 'DeploymentResumed', 'DeploymentRolledBack', 'DeploymentAnnotated', 'DeploymentRestarted',
                 'DeploymentDeleted', 'ReplicaSetConfigured', 'ReplicaSetDeleteRequested', 'PodConfigured',
                 'PodDeleteRequested', 'ResourceQuotaWritten', 'ResourceQuotaDeleted');
