import Cluster
import GRDB
import KubeModel

extension StoreReader {
    /// Live Deployments carrying only what a `get` table prints and a label selector reads: name,
    /// namespace, labels, creation time, desired replicas, selector, container names and images, and the
    /// status counts.
    ///
    /// SQLite's JSON functions cut each stored object down to those fields, so a thousand Deployments cost
    /// a thousand small decodes instead of a thousand 4 KB ones (most of `get deployments -A`'s time).
    public func deploymentSummaries(namespace: String?) throws -> [Deployment] {
        let filter = namespace == nil ? "" : "WHERE namespace = ?"
        let sql = """
            SELECT json_object(
              'apiVersion', 'apps/v1', 'kind', 'Deployment',
              'metadata', json_object('name', name, 'namespace', namespace, 'labels', object -> '$.metadata.labels',
                'creationTimestamp', object -> '$.metadata.creationTimestamp'),
              'spec', json_object('replicas', replicas, 'selector', object -> '$.spec.selector',
                'template', json_object('spec', json_object('containers', (
                  SELECT json_group_array(json_object('name', c.value -> '$.name', 'image', c.value -> '$.image'))
                  FROM json_each(object, '$.spec.template.spec.containers') AS c)))),
              'status', json_object('readyReplicas', ready, 'updatedReplicas', updated, 'availableReplicas', available))
            FROM deployments \(filter) ORDER BY namespace, name
            """
        return try String.fetchAll(db, sql: sql, arguments: namespace.map { [$0] } ?? []).map {
            try StoredJSON.decode(Deployment.self, $0)
        }
    }
}
