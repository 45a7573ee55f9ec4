import KubeModel
import Manifests

/// The OpenAPI v3 documents `kubectl apply` reads under its default `--validate=strict`.
///
/// kubectl only checks that a PATCH operation tagged with the object's group, version and kind
/// declares the `fieldValidation` query parameter; it then sends `fieldValidation=Strict` and leaves
/// validation to the server, whose strict decoder knows the fields these schemas list. The PATCH
/// operation declares no request body, so kubectl computes its strategic merge patches from its own
/// compiled-in types, as it does against a real cluster.
enum OpenAPI {
    /// `/openapi/v3/apis/apps/v1`: Deployments and ReplicaSets.
    static let groupDocument = document(
        group: "apps", kinds: OpenAPISchemas.kinds, prefix: "/apis/apps/v1", schemas: OpenAPISchemas.apps)

    /// `/openapi/v3/api/v1`: Pods.
    static let coreDocument = document(
        group: "", kinds: OpenAPISchemas.coreKinds, prefix: "/api/v1", schemas: OpenAPISchemas.core)

    private static func document(group: String, kinds: [String], prefix: String, schemas: [String: JSONValue])
        -> JSONValue
    {
        let fieldValidation: JSONValue = .object([
            "name": .string("fieldValidation"), "in": .string("query"),
            "description": .string("Ignore, Warn or Strict: how the server treats unknown or duplicate fields."),
            "schema": .object(["type": .string("string"), "uniqueItems": .bool(true)]),
        ])
        var paths: [String: JSONValue] = [:]
        for kind in kinds {
            paths["\(prefix)/namespaces/{namespace}/\(kind.lowercased())s/{name}"] = .object([
                "patch": .object([
                    "operationId": .string("patch\(group.isEmpty ? "Core" : group.capitalized)V1Namespaced\(kind)"),
                    "x-kubernetes-action": .string("patch"),
                    "x-kubernetes-group-version-kind":
                        .object(["group": .string(group), "version": .string("v1"), "kind": .string(kind)]),
                    "parameters": .array([fieldValidation]),
                ])
            ])
        }
        return .object([
            "openapi": .string("3.0.0"),
            "info": .object(["title": .string("Rollbook"), "version": .string("v1.32.0")]),
            "paths": .object(paths),
            "components": .object(["schemas": .object(schemas)]),
        ])
    }

    /// A content hash, so kubectl's cache of a document is invalidated when it changes.
    private static func hash(of document: JSONValue) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in document.canonicalJSON.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
        let hex = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    static let root: JSONValue = .object([
        "paths": .object([
            "apis/apps/v1": .object(["serverRelativeURL": .string("/openapi/v3/apis/apps/v1?hash=\(hash(of: groupDocument))")]),
            "api/v1": .object(["serverRelativeURL": .string("/openapi/v3/api/v1?hash=\(hash(of: coreDocument))")]),
        ])
    ])
}
