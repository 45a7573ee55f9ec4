public import KubeModel

/// A server-side apply refused because fields it would change belong to other managers: kube-apiserver's 409, with
/// its message (apimachinery's `internal/conflict.go`).
public struct ApplyConflicts: Error, Sendable {
    public let message: String
    /// The Status's causes: each conflicting path (`.spec.replicas`) with `conflict with "manager" …`.
    public let causes: [FieldError]
}

extension ManagedFields {
    /// Server-side apply of `configuration` by the field manager `name`: structured-merge-diff's `Updater.Apply` under
    /// kube-apiserver's field manager (v1.32). Returns the object the merge makes of the live one, before the server
    /// defaults it; the caller stores that and reports it with ``stored(_:)``.
    ///
    /// The configuration is merged into the live object; what this manager applied last time and no longer does is
    /// removed unless someone else owns it; the manager's Apply entry becomes exactly the configuration's fields. A
    /// field the merge changes that another manager owns is a conflict: refused, or with `force` taken from it. For
    /// the manager `kubectl` on an object with a last-applied annotation, conflicts on fields whose live value is still
    /// the annotation's are taken as forced (lastappliedmanager.go: an upgrade from client-side apply).
    ///
    /// - Throws: ``ApplyConflicts``.
    public mutating func apply(
        _ configuration: JSONValue, by name: String, force: Bool, at time: Timestamp
    ) throws(ApplyConflicts) -> JSONValue {
        let manager = Manager(name: name, applies: true)
        let layout = kind.layout
        let live = self.live ?? kind.completed(.object([:]))
        var next = self
        let lastSet = entries[manager]?.fields
        let set = StructuredMerge.fieldSet(of: configuration, as: layout).strippingServerFields().removing(fields: ["status"])
        next.entries[manager] = Entry(fields: set, time: entries[manager]?.time)
        var merged = StructuredMerge.merge(live, configuration, as: layout) ?? .object([:])
        if let lastSet, !lastSet.isEmpty { merged = next.pruned(merged, lastSet: lastSet) }
        let comparison = comparing(live, merged, reset: ["status"])
        let changed = comparison.changed
        let others = next.entries.keys.filter { $0 != manager }
        let conflicts = others.compactMap { other -> (Manager, FieldSet)? in
            let owned = next.entries[other]!.fields.intersection(changed)
            return owned.isEmpty ? nil : (other, owned)
        }
        if !conflicts.isEmpty && !force {
            // lastappliedmanager.go reports only the conflicts the annotation does not allow.
            let allowed = name == "kubectl" ? allowedByLastApplied(live) : nil
            let refused = conflicts.compactMap { manager, fields -> (Manager, FieldSet)? in
                let left = allowed.map(fields.subtracting) ?? fields
                return left.isEmpty ? nil : (manager, left)
            }
            if !refused.isEmpty { throw ApplyConflicts(message: message(for: refused), causes: causes(of: refused)) }
        }
        next.take(comparison, from: others, conflicts: changed)
        if merged != live { next.entries[manager]?.time = time }
        self = next
        return merged
    }

    /// Records the object a write stored (defaulted, with the server's fields), against which the next write is
    /// compared.
    public mutating func stored(_ object: JSONValue) {
        live = kind.completed(object)
    }

    /// kubectl's upgrade from client-side apply (client-go's csaupgrade, after an apply by `manager`): each named
    /// client-side manager's Update entry is merged into the manager's Apply entry (becoming it, if there is none),
    /// then removed.
    public mutating func upgrade(from clientSide: [String], to manager: String) {
        let target = Manager(name: manager, applies: true)
        for name in clientSide.sorted() {
            let old = Manager(name: name)
            guard let entry = entries.removeValue(forKey: old) else { continue }
            if let existing = entries[target] {
                entries[target] = Entry(fields: existing.fields.union(entry.fields), time: existing.time)
            } else {
                entries[target] = entry
            }
        }
    }

    /// The Update entries (other than subresources') that own the path: client-go's `FindFieldsOwners`.
    public func updaters(owning path: [String]) -> [String] {
        let wanted = path.map(FieldPathElement.field)
        return entries.filter { !$0.key.applies && $0.key.subresource == nil && $0.value.fields.contains(wanted[...]) }
            .map(\.key.name).sorted()
    }

    /// Whether an Apply entry owns the path.
    public func appliers(own path: [String]) -> Bool {
        let wanted = path.map(FieldPathElement.field)
        return entries.contains { $0.key.applies && $0.value.fields.contains(wanted[...]) }
    }

    /// `Updater.prune`: the merged object without what the manager applied last time (`lastSet`), except what some
    /// manager (this one's new configuration included) owns, and what the manager never applied.
    private func pruned(_ merged: JSONValue, lastSet: FieldSet) -> JSONValue {
        let layout = kind.layout
        func named(_ set: FieldSet) -> FieldSet { StructuredMerge.namedFieldsAsMembers(set, as: layout) }
        func remove(_ set: FieldSet) -> JSONValue { StructuredMerge.removing(set, from: merged, as: layout) ?? .object([:]) }
        func fields(_ value: JSONValue) -> FieldSet { named(StructuredMerge.fieldSet(of: value, as: layout)) }
        let last = named(lastSet)
        let mergedSet = fields(merged)
        let owned = named(entries.values.reduce(FieldSet()) { $0.union($1.fields) })
        var pruned = remove(last)
        pruned = remove(mergedSet.subtracting(fields(pruned).union(owned)))
        return remove(mergedSet.subtracting(fields(pruned)).intersection(last))
    }

    /// lastappliedmanager.go: the fields the last-applied annotation holds with their live values, which an apply by
    /// `kubectl` may take from client-side apply's managers; nil without a usable annotation.
    private func allowedByLastApplied(_ live: JSONValue) -> FieldSet? {
        guard let text = live["metadata"]?["annotations"]?[AnnotationKey.lastApplied]?.stringValue, !text.isEmpty,
            let lastApplied = try? JSONCodec.parse(text), lastApplied["apiVersion"]?.stringValue == apiVersion
        else { return nil }
        let comparison = FieldComparison(from: lastApplied, to: live, as: kind.layout)
        return StructuredMerge.fieldSet(of: lastApplied, as: kind.layout)
            .subtracting(comparison.modified).subtracting(comparison.added).subtracting(comparison.removed)
    }

    /// `getConflictMessage`: one conflict on one line; several grouped by manager, managers in their identifiers' order.
    private func message(for conflicts: [(Manager, FieldSet)]) -> String {
        let grouped = conflicts.map { ($0.0, $0.1.paths.map { $0.map(\.pathText).joined() }) }
            .sorted { identifier($0.0) < identifier($1.0) }
        let count = grouped.reduce(0) { $0 + $1.1.count }
        if count == 1, let (manager, paths) = grouped.first {
            return "Apply failed with 1 conflict: conflict with \(printed(manager)): \(paths[0])"
        }
        let lines = grouped.flatMap { manager, paths in ["conflicts with \(printed(manager)):"] + paths.map { "- " + $0 } }
        return "Apply failed with \(count) conflicts: " + lines.joined(separator: "\n")
    }

    /// NewConflictError's causes, manager by manager.
    private func causes(of conflicts: [(Manager, FieldSet)]) -> [FieldError] {
        conflicts.sorted { identifier($0.0) < identifier($1.0) }.flatMap { manager, fields in
            fields.paths.map { path in
                FieldError(.fieldManagerConflict, path.map(\.pathText).joined(), detail: "conflict with \(printed(manager))")
            }
        }
    }

    /// `printManager`: the name quoted, its subresource, and for an Update the apiVersion it wrote.
    private func printed(_ manager: Manager) -> String {
        var text = GoJSONWriter.compact(.string(manager.name))
        if let subresource = manager.subresource { text += " with subresource " + GoJSONWriter.compact(.string(subresource)) }
        if !manager.applies { text += " using " + apiVersion }
        return text
    }
}

extension FieldSet {
    func contains(_ path: ArraySlice<FieldPathElement>) -> Bool {
        guard let first = path.first else { return member }
        return children[first]?.contains(path.dropFirst()) ?? false
    }
}
