public import KubeModel

/// The `application/vnd.kubernetes.protobuf` body kubectl's typed client sends to create a Deployment (`kubectl
/// create deployment`) or a ResourceQuota (`kubectl create quota`), read into the JSON the API would have received.
///
/// The body is `k8s\0` and a `runtime.Unknown` holding the type and the Deployment's bytes. gogo-protobuf writes
/// every non-pointer field, empty ones included, so a field at its zero value is dropped here as `omitempty` drops
/// it in JSON; pointer fields (`replicas`) keep a zero. Only the fields that command fills are read: any other
/// field that holds a value is refused rather than dropped.
public enum ProtobufDeployment {
    public static let mediaType = "application/vnd.kubernetes.protobuf"

    public struct Unsupported: Error, Sendable {
        public var message: String
    }

    public static func json(from body: [UInt8]) throws(Unsupported) -> JSONValue {
        guard body.starts(with: [0x6b, 0x38, 0x73, 0x00]) else { throw Unsupported(message: "missing the k8s protobuf prefix") }
        let unknown = try fields(body[4...])
        let typeMeta = try fields(unknown[1]?.last?.bytes ?? [])
        let apiVersion = String(decoding: typeMeta[1]?.last?.bytes ?? [], as: UTF8.self)
        let kind = String(decoding: typeMeta[2]?.last?.bytes ?? [], as: UTF8.self)
        let schemas = ["apps/v1 Deployment": Schema.deployment, "v1 ResourceQuota": Schema.resourceQuota]
        guard let schema = schemas["\(apiVersion) \(kind)"], let raw = unknown[2]?.last?.bytes else {
            throw Unsupported(
                message: "a protobuf body must hold an apps/v1 Deployment or a v1 ResourceQuota, not \(apiVersion) \(kind)")
        }
        guard case .object(var object) = try message(raw, schema) else { return .object([:]) }
        object["apiVersion"] = .string(apiVersion)
        object["kind"] = .string(kind)
        return .object(object)
    }

    /// A field's value on the wire: a varint, or the bytes of a length-delimited field.
    enum Value {
        case varint(UInt64)
        case bytes(ArraySlice<UInt8>)

        var bytes: ArraySlice<UInt8>? { if case .bytes(let bytes) = self { bytes } else { nil } }
        var isEmpty: Bool {
            switch self {
            case .varint(let number): number == 0
            case .bytes(let bytes): bytes.isEmpty
            }
        }
    }

    /// Every field of a message by number, repeated ones in order.
    static func fields(_ bytes: ArraySlice<UInt8>) throws(Unsupported) -> [Int: [Value]] {
        var result: [Int: [Value]] = [:]
        var index = bytes.startIndex
        func varint() throws(Unsupported) -> UInt64 {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while index < bytes.endIndex, shift < 64 {
                let byte = bytes[index]
                index += 1
                value |= UInt64(byte & 0x7f) << shift
                if byte & 0x80 == 0 { return value }
                shift += 7
            }
            throw Unsupported(message: "a truncated varint")
        }
        while index < bytes.endIndex {
            let key = try varint()
            let number = Int(key >> 3)
            switch key & 7 {
            case 0: result[number, default: []].append(.varint(try varint()))
            case 2:
                let length = Int(try varint())
                guard length <= bytes.endIndex - index else { throw Unsupported(message: "a truncated field") }
                result[number, default: []].append(.bytes(bytes[index..<(index + length)]))
                index += length
            default: throw Unsupported(message: "wire type \(key & 7) is not used by Kubernetes objects")
            }
        }
        return result
    }

    /// How a field reads into JSON.
    indirect enum Kind {
        case string, boolean, integer
        /// A pointer: present means set, zero included.
        case optionalInteger
        case strings
        case stringMap
        /// `map<string, resource.Quantity>`: each value a message whose field 1 is the quantity's text.
        case quantityMap
        case message(Schema)
        case messages(Schema)
        /// Kept as `{}` (its fields are not read; any of them set is refused).
        case emptyObject
        /// Read past.
        case ignored
    }

    struct Schema {
        var name: String
        var fields: [Int: (name: String, kind: Kind)]
    }

    static func message(_ bytes: ArraySlice<UInt8>, _ schema: Schema) throws(Unsupported) -> JSONValue {
        var object: [String: JSONValue] = [:]
        for (number, values) in try fields(bytes) {
            guard let (name, kind) = schema.fields[number] else {
                if values.allSatisfy(\.isEmpty) { continue }
                throw Unsupported(message: "field \(number) of \(schema.name) is not read from protobuf by rollbook serve; send JSON")
            }
            if let value = try read(values, kind, field: "\(schema.name).\(name)") { object[name] = value }
        }
        return .object(object)
    }

    private static func read(_ values: [Value], _ kind: Kind, field: String) throws(Unsupported) -> JSONValue? {
        func text(_ value: Value) -> String { String(decoding: value.bytes ?? [], as: UTF8.self) }
        func number(_ value: Value) -> Int {
            guard case .varint(let raw) = value else { return 0 }
            return Int(Int64(bitPattern: raw))
        }
        guard let last = values.last else { return nil }
        switch kind {
        case .string: return text(last).isEmpty ? nil : .string(text(last))
        case .boolean: return number(last) == 0 ? nil : .bool(true)
        case .integer: return number(last) == 0 ? nil : .int(number(last))
        case .optionalInteger: return .int(number(last))
        case .strings: return .array(values.map { .string(text($0)) })
        case .stringMap:
            var map: [String: JSONValue] = [:]
            for entry in values {
                let pair = try fields(entry.bytes ?? [])
                map[String(decoding: pair[1]?.last?.bytes ?? [], as: UTF8.self)] =
                    .string(String(decoding: pair[2]?.last?.bytes ?? [], as: UTF8.self))
            }
            return .object(map)
        case .quantityMap:
            var map: [String: JSONValue] = [:]
            for entry in values {
                let pair = try fields(entry.bytes ?? [])
                let quantity = try fields(pair[2]?.last?.bytes ?? [])
                map[String(decoding: pair[1]?.last?.bytes ?? [], as: UTF8.self)] =
                    .string(String(decoding: quantity[1]?.last?.bytes ?? [], as: UTF8.self))
            }
            return .object(map)
        case .message(let schema): return try message(last.bytes ?? [], schema)
        case .messages(let schema):
            var items: [JSONValue] = []
            for value in values { items.append(try message(value.bytes ?? [], schema)) }
            return .array(items)
        case .emptyObject:
            guard try fields(last.bytes ?? []).values.allSatisfy({ $0.allSatisfy(\.isEmpty) }) else {
                throw Unsupported(message: "\(field) is not read from protobuf by rollbook serve; send JSON")
            }
            return .object([:])
        case .ignored: return nil
        }
    }
}

extension ProtobufDeployment.Schema {
    /// Field numbers from k8s.io/api apps/v1, core/v1 and apimachinery meta/v1 `generated.proto`.
    static let objectMeta = Self(name: "ObjectMeta", fields: [
        1: ("name", .string), 2: ("generateName", .string), 3: ("namespace", .string), 5: ("uid", .string),
        6: ("resourceVersion", .string), 11: ("labels", .stringMap), 12: ("annotations", .stringMap),
    ])
    static let labelSelector = Self(name: "LabelSelector", fields: [1: ("matchLabels", .stringMap)])
    static let containerPort = Self(name: "ContainerPort", fields: [
        1: ("name", .string), 2: ("hostPort", .integer), 3: ("containerPort", .optionalInteger), 4: ("protocol", .string),
        5: ("hostIP", .string),
    ])
    static let container = Self(name: "Container", fields: [
        1: ("name", .string), 2: ("image", .string), 3: ("command", .strings), 4: ("args", .strings),
        5: ("workingDir", .string), 6: ("ports", .messages(containerPort)), 8: ("resources", .emptyObject),
        13: ("terminationMessagePath", .string), 14: ("imagePullPolicy", .string), 16: ("stdin", .boolean),
        17: ("stdinOnce", .boolean), 18: ("tty", .boolean), 20: ("terminationMessagePolicy", .string),
    ])
    static let podSpec = Self(name: "PodSpec", fields: [
        2: ("containers", .messages(container)), 3: ("restartPolicy", .string), 6: ("dnsPolicy", .string),
        8: ("serviceAccountName", .string), 9: ("serviceAccount", .string), 10: ("nodeName", .string),
        16: ("hostname", .string), 17: ("subdomain", .string), 19: ("schedulerName", .string),
        24: ("priorityClassName", .string),
    ])
    static let podTemplateSpec = Self(name: "PodTemplateSpec", fields: [
        1: ("metadata", .message(objectMeta)), 2: ("spec", .message(podSpec)),
    ])
    static let strategy = Self(name: "DeploymentStrategy", fields: [1: ("type", .string)])
    static let deploymentSpec = Self(name: "DeploymentSpec", fields: [
        1: ("replicas", .optionalInteger), 2: ("selector", .message(labelSelector)), 3: ("template", .message(podTemplateSpec)),
        4: ("strategy", .message(strategy)), 5: ("minReadySeconds", .integer), 6: ("revisionHistoryLimit", .optionalInteger),
        7: ("paused", .boolean), 9: ("progressDeadlineSeconds", .optionalInteger),
    ])
    static let scopedResourceSelectorRequirement = Self(name: "ScopedResourceSelectorRequirement", fields: [
        1: ("scopeName", .string), 2: ("operator", .string), 3: ("values", .strings),
    ])
    static let scopeSelector = Self(name: "ScopeSelector", fields: [
        1: ("matchExpressions", .messages(scopedResourceSelectorRequirement)),
    ])
    static let resourceQuotaSpec = Self(name: "ResourceQuotaSpec", fields: [
        1: ("hard", .quantityMap), 2: ("scopes", .strings), 3: ("scopeSelector", .message(scopeSelector)),
    ])
    static let resourceQuota = Self(name: "ResourceQuota", fields: [
        1: ("metadata", .message(objectMeta)), 2: ("spec", .message(resourceQuotaSpec)), 3: ("status", .ignored),
    ])
    /// `status` (3) is read past: the API server ignores it on create.
    static let deployment = Self(name: "Deployment", fields: [
        1: ("metadata", .message(objectMeta)), 2: ("spec", .message(deploymentSpec)), 3: ("status", .ignored),
    ])
}
