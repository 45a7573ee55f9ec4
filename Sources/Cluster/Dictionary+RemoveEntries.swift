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

    /// Removes the entries whose `expiry` second is before `time`, in place, and returns the earliest expiry of
    /// those kept (`Int64.max` if none): nothing else can expire before it.
    mutating func removeExpired(before time: Int64, expiry: (Value) -> Int64) -> Int64 {
        var earliest = Int64.max
        removeEntries { value in
            let second = expiry(value)
            guard second >= time else { return true }
            earliest = Swift.min(earliest, second)
            return false
        }
        return earliest
    }
}
