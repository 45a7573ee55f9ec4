import Cluster
import GRDB
import KubeModel

extension StoreReader {
    /// A stream with only its Deployment and ReplicaSets decoded (see ``StateReading``): a history read
    /// skips the Pods, Events and every revision's template.
    public func deploymentAndReplicaSets(_ id: StreamID) throws -> DeploymentStream {
        guard let key = id.deploymentKey else { throw StoreError(.corrupt, "not a deployment stream: \(id)") }
        var stream = DeploymentStream(namespace: key.namespace, name: key.name)
        let arguments: StatementArguments = [id.rawValue]
        stream.deployment = try String.fetchOne(
            db.cachedStatement(sql: "SELECT object FROM deployments WHERE stream_id = ?"), arguments: arguments
        ).map { try StoredJSON.decode(Deployment.self, $0) }
        for text in try String.fetchAll(
            db.cachedStatement(sql: "SELECT object FROM replicasets WHERE stream_id = ?"), arguments: arguments)
        {
            let rs = try StoredJSON.decode(ReplicaSet.self, text)
            stream.replicaSets[rs.name] = rs
        }
        return stream
    }

    /// Live Deployments carrying only what a `get` table prints: name, namespace, creation time, desired
    /// replicas and the status counts; with `labels`, the labels a selector reads; with `wide`, the container
    /// names and images and the selector.
    ///
    /// SQLite cuts each stored object down to those fields, so a thousand Deployments cost a thousand small
    /// decodes instead of a thousand 4 KB ones (most of `get deployments -A`'s time), and each JSON path asked
    /// for costs SQLite a parse of the object, so only the ones needed are asked for.
    public func deploymentSummaries(namespace: String?, labels: Bool, wide: Bool) throws -> [Deployment] {
        let filter = namespace == nil ? "" : "WHERE namespace = ?"
        let labelsField = labels ? "'labels', object -> '$.metadata.labels'," : ""
        let wideFields = wide
            ? """
              'selector', object -> '$.spec.selector',
              'template', json_object('spec', json_object('containers', (
                SELECT json_group_array(json_object('name', c.value -> '$.name', 'image', c.value -> '$.image'))
                FROM json_each(object, '$.spec.template.spec.containers') AS c))),
              """
            : "'template', json_object('spec', json_object('containers', json_array())),"
        let sql = """
            SELECT json_object(
              'apiVersion', 'apps/v1', 'kind', 'Deployment',
              'metadata', json_object('name', name, 'namespace', namespace, \(labelsField)
                'creationTimestamp', object -> '$.metadata.creationTimestamp'),
              'spec', json_object(\(wideFields) 'replicas', replicas),
              'status', json_object('readyReplicas', ready, 'updatedReplicas', updated, 'availableReplicas', available))
            FROM deployments \(filter) ORDER BY namespace, name
            """
        return try String.fetchAll(db, sql: sql, arguments: namespace.map { [$0] } ?? []).map {
            try StoredJSON.decode(Deployment.self, $0)
        }
    }
}
