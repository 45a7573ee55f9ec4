public import KubeModel

/// An object's `metadata.managedFields`, kept the way the API server's field manager keeps them for Update
/// requests (k8s.io/apiserver fieldmanager and structured-merge-diff's `Updater.Update`, v1.32).
///
/// Each update runs as a fresh manager: the fields it set are taken from every other manager, the fields it
/// removed leave everyone, and only if it set something is its set merged into its manager's entry and that
/// entry's time moved. A server-side apply (``apply(_:by:force:at:)``) makes its manager's `Apply`
/// entry the fields of its configuration.
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
        /// A server-side apply's entry (operation `Apply`); else an `Update`'s.
        public var applies: Bool

        public init(name: String, subresource: String? = nil, applies: Bool = false) {
            self.name = name
            self.subresource = subresource
            self.applies = applies
        }

        var operation: String { applies ? "Apply" : "Update" }
    }

    struct Entry: Sendable {
        var fields: FieldSet
        /// Nil for an Apply entry whose applies never changed the object (managedfieldsupdater.go sets a time only
        /// when the merge returned an object): the server writes no `time`, and sorts the entry as if at 0.
        var time: Timestamp?
    }

    let kind: TypedObject
    let apiVersion: String
    var entries: [Manager: Entry] = [:]
    /// The object as the last update left it, as Go's structs hold it; nil before it exists.
    var live: JSONValue?

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
        let comparison = comparing(old, new, reset: reset)
        let taken = comparison.changed
        // The writer's own entry loses what it removed too (`Updater.Update`).
        take(comparison, from: Array(entries.keys), conflicts: taken)
        if !taken.isEmpty {
            let previous = entries[manager]?.fields ?? FieldSet()
            entries[manager] = Entry(fields: taken.union(previous), time: time)
        }
        capUpdateManagers()
    }

    /// What a write changed, field by field, without the fields no manager owns: the server's (name, uid…) and
    /// those the strategy resets (`status` for the main resource, `spec` for the status subresource).
    func comparing(_ old: JSONValue, _ new: JSONValue, reset: [String]) -> FieldComparison {
        FieldComparison(from: old, to: new, as: kind.layout).strippingServerFields().removing(fields: reset)
    }

    /// `Updater.update` after its conflict check: the managers lose what the write set (`conflicts`) and removed.
    mutating func take(_ comparison: FieldComparison, from managers: [Manager], conflicts: FieldSet) {
        for other in managers {
            guard let entry = entries[other] else { continue }
            let left = entry.fields.subtracting(conflicts).subtracting(comparison.removed)
            entries[other] = left.isEmpty ? nil : Entry(fields: left, time: entry.time)
        }
    }

    /// kube-apiserver keeps at most ten Update entries (capmanagers.go): past that, the oldest are merged into one
    /// `ancient-changes` entry, which takes the time of the last one merged. Apply entries are never merged.
    mutating func capUpdateManagers() {
        let updaters = entries.keys.filter { !$0.applies }
        guard updaters.count > Self.maxUpdateManagers else { return }
        let oldestFirst = updaters.sorted { left, right in
            let (l, r) = (entries[left]!.time?.seconds ?? 0, entries[right]!.time?.seconds ?? 0)
            return l != r ? l < r : identifier(left) < identifier(right)
        }
        let bucket = Manager(name: "ancient-changes")
        var first: Manager?
        var length = updaters.count
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

    /// `BuildManagerIdentifier`'s JSON, by which the cap orders entries of the same second and conflicts are grouped.
    /// An Apply entry's leaves out the apiVersion.
    func identifier(_ manager: Manager) -> String {
        var text = #"{"manager":"# + GoJSONWriter.compact(.string(manager.name)) + #","operation":""# + manager.operation + "\""
        if !manager.applies { text += #","apiVersion":"# + GoJSONWriter.compact(.string(apiVersion)) }
        if let subresource = manager.subresource { text += #","subresource":"# + GoJSONWriter.compact(.string(subresource)) }
        return text + "}"
    }

    /// The `managedFields` list, in the server's order: by operation, time, manager, then subresource.
    public var json: JSONValue {
        let sorted = entries.sorted { left, right in
            if left.key.applies != right.key.applies { return left.key.applies }
            let (l, r) = (left.value.time?.seconds ?? 0, right.value.time?.seconds ?? 0)
            if l != r { return l < r }
            if left.key.name != right.key.name { return left.key.name < right.key.name }
            return (left.key.subresource ?? "") < (right.key.subresource ?? "")
        }
        return .array(sorted.map { manager, entry in
            var object: [String: JSONValue] = [
                "apiVersion": .string(apiVersion), "fieldsType": .string("FieldsV1"), "fieldsV1": entry.fields.fieldsV1,
                "manager": .string(manager.name), "operation": .string(manager.operation),
            ]
            if let time = entry.time { object["time"] = .string(time.description) }
            if let subresource = manager.subresource { object["subresource"] = .string(subresource) }
            return .object(object)
        })
    }

    public var isEmpty: Bool { entries.isEmpty }
}
