public import KubeModel
import Manifests

extension WatchedObject {
    /// The object as the API serves it (and `get -o json` prints it): its stored typed struct, encoded.
    public var json: JSONValue {
        switch self {
        case .deployment(let object): TypedObject.deployment.completed((try? JSONValue(encoding: object)) ?? .null)
        case .replicaSet(let object): TypedObject.replicaSet.completed((try? JSONValue(encoding: object)) ?? .null)
        case .pod(let object): TypedObject.pod.completed((try? JSONValue(encoding: object)) ?? .null)
        case .event(let object): object.servedJSON
        case .resourceQuota(let object): TypedObject.resourceQuota.completed((try? JSONValue(encoding: object)) ?? .null)
        }
    }
}
