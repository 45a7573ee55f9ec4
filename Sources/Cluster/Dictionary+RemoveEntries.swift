extension Dictionary {
    /// Removes the entries whose value `shouldRemove` picks, in place. `filter` would build a whole new
    /// dictionary, copying (and retaining) every kept entry, even when nothing goes: the fold does this on every
    /// Kubernetes Event and Pod status it applies.
    mutating func removeEntries(where shouldRemove: (Value) -> Bool) {
        var doomed: [Key] = []
        for index in indices where shouldRemove(values[index]) { doomed.append(keys[index]) }
        for key in doomed { removeValue(forKey: key) }
    }

    /// Removes the entries whose key `shouldRemove` picks, in place (see ``removeEntries(where:)``).
    mutating func removeEntries(whereKey shouldRemove: (Key) -> Bool) {
        var doomed: [Key] = []
        for key in keys where shouldRemove(key) { doomed.append(key) }
        for key in doomed { removeValue(forKey: key) }
    }
}
