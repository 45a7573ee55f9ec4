/// A value kept beside a state as a cache of it: every instance compares equal and hashes alike, and the
/// owner leaves it out of its coding keys, so two states that differ only here are the same state.
struct Unstored<Value: Sendable>: Sendable, Hashable {
    var value: Value

    init(_ value: Value) { self.value = value }

    static func == (lhs: Self, rhs: Self) -> Bool { true }
    func hash(into hasher: inout Hasher) {}
}
