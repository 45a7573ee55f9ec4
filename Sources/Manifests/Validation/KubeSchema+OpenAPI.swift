public import KubeModel

/// The OpenAPI v3 schemas of `apps/v1` Deployments and ReplicaSets and `v1` Pods and ResourceQuotas, generated from the Go types the
/// strict decoder knows.
///
/// `rollbook serve` publishes them under `/openapi/v3/apis/apps/v1` and `/openapi/v3/api/v1`, so the documents
/// describe exactly the fields the server accepts. Structs become `$ref`s to `components.schemas`, keyed
/// `<package>.<Name>`; structs the decoder accepts whole are open objects.
public enum OpenAPISchemas {
    /// The kinds served, by group, whose schemas carry `x-kubernetes-group-version-kind`.
    public static let kinds = ["Deployment", "ReplicaSet"]
    public static let coreKinds = ["Pod", "ResourceQuota"]

    /// `components.schemas` of the apps/v1 document: the served kinds and every struct reachable from them.
    public static var apps: [String: JSONValue] { schemas([KubeSchema.deployment, KubeSchema.replicaSet], group: "apps") }

    /// The same for the core v1 document.
    public static var core: [String: JSONValue] { schemas([KubeSchema.pod, KubeSchema.resourceQuota], group: "") }

    private static func schemas(_ served: [GoStruct], group: String) -> [String: JSONValue] {
        var schemas: [String: JSONValue] = [:]
        for structure in served {
            var root = schema(of: structure, into: &schemas)
            root["x-kubernetes-group-version-kind"] = .array([
                .object(["group": .string(group), "version": .string("v1"), "kind": .string(structure.name)])
            ])
            schemas[name(of: structure)] = root
        }
        return schemas
    }

    private static func name(of structure: GoStruct) -> String {
        if kinds.contains(structure.name) { return "io.k8s.api.apps.v1.\(structure.name)" }
        if coreKinds.contains(structure.name) { return "io.k8s.api.core.v1.\(structure.name)" }
        return "\(structure.package).\(structure.name)"
    }

    private static func schema(of structure: GoStruct, into schemas: inout [String: JSONValue]) -> JSONValue {
        var properties: [String: JSONValue] = [:]
        for (field, type) in structure.fields { properties[field] = schema(of: type, into: &schemas) }
        return .object(["type": .string("object"), "properties": .object(properties)])
    }

    private static func schema(of type: GoType, into schemas: inout [String: JSONValue]) -> JSONValue {
        switch type {
        case .string: return .object(["type": .string("string")])
        case .bool: return .object(["type": .string("boolean")])
        case .integer(let bits): return .object(["type": .string("integer"), "format": .string("int\(bits)")])
        case .time: return .object(["type": .string("string"), "format": .string("date-time")])
        case .intOrString: return .object(["x-kubernetes-int-or-string": .bool(true)])
        case .quantity: return .object([:])
        case .map(_, let value):
            return .object([
                "type": .string("object"),
                "additionalProperties": value.map { schema(of: $0, into: &schemas) } ?? .object([:]),
            ])
        case .slice(let element):
            return .object(["type": .string("array"), "items": schema(of: element, into: &schemas)])
        case .structure(let structure):
            let key = name(of: structure)
            if schemas[key] == nil {
                schemas[key] = .object([:])
                schemas[key] = schema(of: structure, into: &schemas)
            }
            return .object(["$ref": .string("#/components/schemas/\(key)")])
        case .opaque:
            return .object(["type": .string("object"), "x-kubernetes-preserve-unknown-fields": .bool(true)])
        case .anything:
            return .object([:])
        }
    }
}
