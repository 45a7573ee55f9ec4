import KubeModel
import Manifests

extension ControlPlane {
    /// What `kubectl diff -f` compares for each object of the files: the object as stored, and what applying the
    /// manifest would store (a server-side dry run of apply's patch, made as diff.go makes it: without writing the
    /// last-applied annotation). Nothing is stored.
    public func diffAgainstApply(_ documents: [ManifestDocument], namespace: String)
        throws -> [(live: WatchedObject?, merged: WatchedObject?)]
    {
        try documents.map { document in
            let target = document.object.metadata.namespace ?? namespace
            let name = document.object.name
            guard let live = try stored(document.object, namespace: target) else {
                let created = try create([(document.object, document.source)], namespace: target, dryRun: true)
                return (nil, created.first)
            }
            let original = try live.metadata[annotation: AnnotationKey.lastApplied].map { try JSONValue.parse($0) }
            // GetModifiedConfiguration: annotations always present (empty when the file has none), namespace set.
            let modified = LastApplied.modifiedConfiguration(document.raw, namespace: target)
            var current = live.json
            current["status"] = .object([:])
            let merged = ThreeWayMerge.merge(original: original, modified: modified, current: current)
            let answer: WatchedObject = switch document.object {
            case .deployment: .deployment(try replaceDeployment(namespace: target, name: name, with: merged, dryRun: true))
            case .replicaSet: .replicaSet(try replaceReplicaSet(namespace: target, name: name, with: merged, dryRun: true))
            case .pod: .pod(try replacePod(namespace: target, name: name, with: merged, dryRun: true))
            case .resourceQuota: .resourceQuota(try replaceQuota(namespace: target, name: name, with: merged, dryRun: true))
            }
            return (live, answer)
        }
    }

    /// `kubectl diff --server-side -f`: each object as stored, and what a server-side apply of the manifest would store
    /// (its dry run). Nothing is stored.
    public func diffAgainstServerSideApply(
        _ documents: [ManifestDocument], namespace: String, manager: String, force: Bool
    ) throws -> [(live: WatchedObject?, merged: WatchedObject?)] {
        try documents.map { document in
            let target = document.object.metadata.namespace ?? namespace
            var configuration = document.raw
            configuration["metadata"]?["namespace"] = .string(target)
            let request = ApplyRequest(
                configuration: configuration, name: document.object.name, namespace: target, manager: manager,
                force: force, dryRun: true)
            let live = try stored(document.object, namespace: target)
            return (live, try serverSideApply(document, request: request).0)
        }
    }

    /// The stored object of the manifest's kind and name.
    private func stored(_ object: ManifestObject, namespace: String) throws -> WatchedObject? {
        try read { reader in
            switch object {
            case .deployment:
                return try reader.stream(.deployment(namespace: namespace, name: object.name)).deployment
                    .map(WatchedObject.deployment)
            case .replicaSet:
                guard let id = try reader.streamID(ofReplicaSet: object.name, namespace: namespace) else { return nil }
                return try reader.stream(id).replicaSets[object.name].map(WatchedObject.replicaSet)
            case .pod:
                guard let id = try reader.streamID(ofPod: object.name, namespace: namespace) else { return nil }
                return try reader.stream(id).pods[object.name].map(WatchedObject.pod)
            case .resourceQuota:
                return try reader.quotas(namespace: namespace).first { $0.name == object.name }.map(WatchedObject.resourceQuota)
            }
        }
    }
}
