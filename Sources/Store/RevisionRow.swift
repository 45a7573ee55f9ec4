import Cluster

/// A `revisions` row with its JSON already written. A replay inserts revision records as it meets them, so
/// that it does not hold every template of the history until the end; it makes the rows while folding a
/// batch and inserts them after it (``ProjectionWriter/insert(_:in:)``), taking the connection from its
/// reading thread once per batch.
struct RevisionRow: Sendable {
    var stream: String
    var namespace: String
    var deployment: String
    var revision: Int
    var replicaSet: String
    var images: String
    var changeCause: String?
    var template: String
    var sequence: Int64
    var time: String
    var object: String

    init(_ record: RevisionRecord, of stream: DeploymentStream) throws {
        self.stream = stream.id.rawValue
        namespace = stream.namespace
        deployment = stream.name
        revision = record.revision
        replicaSet = record.replicaSet
        images = record.images
        changeCause = record.changeCause
        template = try StoredJSON.encode(record.template)
        sequence = record.sequence
        time = record.time.description
        object = StoredJSON.encode(record, template: template)
    }
}
