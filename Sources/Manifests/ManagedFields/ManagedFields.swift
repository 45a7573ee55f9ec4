public import KubeModel

/// An object's `metadata.managedFields`, kept the way the API server's field manager keeps them for Update
/// requests (k8s.io/apiserver fieldmanager and structured-merge-diff's `Updater.Update`, v1.32).
///
/// Each update runs as a fresh manager: the fields it set are taken from every other manager, the fields it
/// removed leave everyone, and only if it set something is its set merged into its manager's entry and that
/// entry's time moved. Rollbook has no server-side apply, so every entry is an `Update`.
///
/// ```swift
/// var fields = ManagedFields(kind: .deployment)
/// fields.update(to: created, by: .init(name: "kubectl-create"), at: time)
/// metadata["managedFields"] = fields.json
/// ```
public struct ManagedFields: Sendable {
    /// Who wrote: the field manager (`kubectl-set`, `kube-controller-manager`) and the subresource written through.
    public struct Manager: Hashable, Sendable {
        public var name: String
        public var subresource: String?

        public init(name: String, subresource: String? = nil) {
            self.name = name
            self.subresource = subresource
        }
    }

    private struct Entry: Sendable {
        var fields: FieldSet
        var time: Timestamp
    }

    private let kind: TypedObject
    private let apiVersion: String
    private var entries: [Manager: Entry] = [:]
    /// The object as the last update left it, as Go's structs hold it; nil before it exists.
    private var live: JSONValue?

    public init(kind: TypedObject) {
        self.kind = kind
        apiVersion = kind == .pod ? "v1" : "apps/v1"
    }

    /// Records a write that left the object as `object`: a create when it does not exist yet.
    public mutating func update(to object: JSONValue, by manager: Manager, at time: Timestamp) {
        let new = kind.completed(object)
        // A create is compared with Go's empty object, whose structs are there and empty.
        let old = live ?? kind.completed(.object([:]))
        live = new
        // The main resource resets status; the status subresource resets spec (the strategies' reset fields).
        let reset = manager.subresource == "status" ? ["spec"] : ["status"]
        let comparison = FieldComparison(from: old, to: new, as: kind.layout).strippingServerFields().removing(fields: reset)
        let taken = comparison.changed
        for (other, entry) in entries {
            let left = entry.fields.subtracting(taken).subtracting(comparison.removed)
            entries[other] = left.isEmpty ? nil : Entry(fields: left, time: entry.time)
        }
        if !taken.isEmpty {
            let previous = entries[manager]?.fields ?? FieldSet()
            entries[manager] = Entry(fields: taken.union(previous), time: time)
        }
        capUpdateManagers()
    }

    /// kube-apiserver keeps at most ten Update entries (capmanagers.go): past that, the oldest are merged into one
    /// `ancient-changes` entry, which takes the time of the last one merged.
    private mutating func capUpdateManagers() {
        guard entries.count > Self.maxUpdateManagers else { return }
        let oldestFirst = entries.keys.sorted { left, right in
            let (l, r) = (entries[left]!.time, entries[right]!.time)
            return l != r ? l < r : identifier(left) < identifier(right)
        }
        let bucket = Manager(name: "ancient-changes")
        var first: Manager?
        var length = entries.count
        for manager in oldestFirst where length > Self.maxUpdateManagers {
            guard let entry = entries[manager] else { continue }
            guard let firstManager = first else {
                first = manager
                continue
            }
            if entries[bucket] == nil {
                entries[bucket] = entries.removeValue(forKey: firstManager)
            }
            entries[bucket] = Entry(fields: entry.fields.union(entries[bucket]!.fields), time: entry.time)
            entries[manager] = nil
            length -= 1
        }
    }

    private static let maxUpdateManagers = 10

    /// `BuildManagerIdentifier`'s JSON, by which the cap orders entries of the same second.
    private func identifier(_ manager: Manager) -> String {
        var text = #"{"manager":"# + GoJSONWriter.compact(.string(manager.name)) + #","operation":"Update","apiVersion":"#
            + GoJSONWriter.compact(.string(apiVersion))
        if let subresource = manager.subresource { text += #","subresource":"# + GoJSONWriter.compact(.string(subresource)) }
        return text + "}"
    }

    /// The `managedFields` list, in the server's order: by operation, time, manager, then subresource.
    public var json: JSONValue {
        let sorted = entries.sorted { left, right in
            if left.value.time != right.value.time { return left.value.time < right.value.time }
            if left.key.name != right.key.name { return left.key.name < right.key.name }
            return (left.key.subresource ?? "") < (right.key.subresource ?? "")
        }
        return .array(sorted.map { manager, entry in
            var object: [String: JSONValue] = [
                "apiVersion": .string(apiVersion), "fieldsType": .string("FieldsV1"), "fieldsV1": entry.fields.fieldsV1,
                "manager": .string(manager.name), "operation": .string("Update"), "time": .string(entry.time.description),
            ]
            if let subresource = manager.subresource { object["subresource"] = .string(subresource) }
            return .object(object)
        })
    }

    public var isEmpty: Bool { entries.isEmpty }
}
