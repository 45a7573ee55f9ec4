/// `Quantity.Add` and the resource lists quota sums (`quota.Add`, `addResourceList`, `maxResourceList`).
extension Quantity {
    /// `q.Add(y)`: the sum keeps this quantity's form, or takes the other's when this one is zero. Values are milli
    /// units at the finest (every stored quantity is rounded up to them), so the sum is exact.
    public func adding(_ other: Quantity) -> Quantity {
        var sum = self
        sum.mantissa = milliValue &+ other.milliValue
        sum.exponent = -3
        if isZero { sum.format = other.format }
        while sum.mantissa != 0, sum.mantissa % 10 == 0 {
            sum.mantissa /= 10
            sum.exponent += 1
        }
        return sum
    }

    /// `resource.Quantity{Format: DecimalSI}`: the zero usage quota starts each tracked resource from.
    public static let zero = Quantity(parsing: "0")!
}

/// A resource list (`v1.ResourceList`), by resource name.
public typealias ResourceList = [String: Quantity]

extension Dictionary where Key == String, Value == Quantity {
    /// The list of a JSON object of quantities (a container's `requests`); entries that are no quantity are skipped
    /// (decoding refused them).
    public init(json: JSONValue?) {
        self.init()
        guard case .object(let entries)? = json else { return }
        for (name, value) in entries { if let quantity = Quantity(value) { self[name] = quantity } }
    }

    /// The list of stored canonical texts.
    public init(texts: [String: String]?) {
        self.init()
        for (name, text) in texts ?? [:] { if let quantity = Quantity(parsing: text) { self[name] = quantity } }
    }

    /// Canonical texts, as the API server stores a list.
    public var texts: [String: String] { mapValues(\.description) }

    /// `quota.Add`: the sum of both lists, entry by entry.
    public func adding(_ other: ResourceList) -> ResourceList {
        var sum = self
        for (name, quantity) in other { sum[name] = sum[name].map { $0.adding(quantity) } ?? quantity }
        return sum
    }

    /// `maxResourceList`: each entry raised to the other's where that is larger.
    func raised(to other: ResourceList) -> ResourceList {
        var result = self
        for (name, quantity) in other {
            if let current = result[name], current.compare(quantity) != .orderedAscending { continue }
            result[name] = quantity
        }
        return result
    }

    /// `quota.Mask`: only the named entries.
    public func masked(to names: some Sequence<String>) -> ResourceList {
        var result: ResourceList = [:]
        for name in names { if let quantity = self[name] { result[name] = quantity } }
        return result
    }

    /// `prettyPrint`: `name=value` by name, joined with commas.
    public var prettyPrinted: String {
        keys.sorted().map { "\($0)=\(self[$0]!)" }.joined(separator: ",")
    }
}

extension Quantity {
    /// describe.go's use beside a limit: in the limit's form when the forms differ
    /// (`resource.NewQuantity(used.Value(), hard.Format)`: whole units, rounded up).
    public func inForm(of other: Quantity) -> Quantity {
        guard format != other.format else { return self }
        var converted = Quantity.zero
        converted.mantissa = value
        converted.exponent = 0
        converted.format = other.format
        return converted
    }
}
