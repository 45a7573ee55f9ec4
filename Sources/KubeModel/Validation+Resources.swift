import Foundation

extension Quantity {
    /// `Quantity.Cmp`: by value, whatever the suffix or form (`1Gi` > `1G`, `2Mi` == `2097152`). (`==` compares the
    /// stored form.)
    func compare(_ other: Quantity) -> ComparisonResult {
        let a = decimalValue, b = other.decimalValue
        return a < b ? .orderedAscending : b < a ? .orderedDescending : .orderedSame
    }

    var isNegative: Bool { mantissa < 0 }

    private var decimalValue: Decimal {
        Decimal(sign: .plus, exponent: exponent, significand: Decimal(mantissa))
    }
}

extension Container {
    /// `ValidateResourceRequirements` for the quantities: none negative, and a request no larger than its limit.
    /// Extended resources (a domain other than `kubernetes.io`) and huge pages cannot be overcommitted, so they
    /// must request exactly their limit, and set one. Resource names themselves are not checked.
    ///
    /// Upstream walks Go maps (a random order); this walks limits, then requests, by name.
    func resourceErrors(at path: String) -> [FieldError] {
        let resources = raw["resources"]
        let limits = Container.quantities(resources?["limits"]), requests = Container.quantities(resources?["requests"])
        var errors: [FieldError] = []
        for (name, quantity) in limits {
            if quantity.isNegative { errors.append(Container.negative(quantity, at: "\(path).limits[\(name)]")) }
            errors += Container.hugePageErrors(name, quantity, at: "\(path).limits[\(name)]")
        }
        for (name, quantity) in requests {
            if quantity.isNegative { errors.append(Container.negative(quantity, at: "\(path).requests[\(name)]")) }
            errors += Container.hugePageErrors(name, quantity, at: "\(path).requests[\(name)]")
            let overcommits = Container.canOvercommit(name)
            if let limit = limits.first(where: { $0.name == name })?.quantity {
                let order = quantity.compare(limit)
                if order != .orderedSame && !overcommits {
                    errors.append(FieldError(.invalid, path + ".requests", value: goQuoted(quantity.description),
                                             detail: "must be equal to \(name) limit of \(limit)"))
                } else if order == .orderedDescending {
                    errors.append(FieldError(.invalid, path + ".requests", value: goQuoted(quantity.description),
                                             detail: "must be less than or equal to \(name) limit of \(limit)"))
                }
            } else if !overcommits {
                errors.append(FieldError(.required, path + ".limits",
                                         detail: "Limit must be set for non overcommitable resources"))
            }
        }
        let names = (limits + requests).map(\.name)
        if names.contains(where: { $0.hasPrefix("hugepages-") }) && !names.contains(where: { $0 == "cpu" || $0 == "memory" }) {
            errors.append(FieldError(.forbidden, path, detail: "HugePages require cpu or memory"))
        }
        return errors
    }

    /// `validateResourceQuantityHugePageValue`: a whole number of pages (`hugepages-2Mi` counts 2Mi pages).
    private static func hugePageErrors(_ name: String, _ quantity: Quantity, at path: String) -> [FieldError] {
        guard name.hasPrefix("hugepages-") else { return [] }
        let pageSize = Quantity(parsing: String(name.dropFirst("hugepages-".count)))?.wholeValue ?? 0
        if pageSize > 0, let value = quantity.wholeValue, value % pageSize == 0 { return [] }
        return [FieldError(.invalid, path, value: goQuoted(quantity.description),
                           detail: "\(quantity) is not positive integer multiple of \(name)")]
    }

    /// The quantities of a resource list, by name; values that are no quantity were refused when decoded.
    private static func quantities(_ list: JSONValue?) -> [(name: String, quantity: Quantity)] {
        guard case .object(let entries)? = list else { return [] }
        return entries.keys.sorted().compactMap { name in
            guard let text = entries[name].flatMap(Quantity.canonical), let quantity = Quantity(parsing: text) else {
                return nil
            }
            return (name, quantity)
        }
    }

    private static func negative(_ quantity: Quantity, at path: String) -> FieldError {
        FieldError(.invalid, path, value: goQuoted(quantity.description), detail: "must be greater than or equal to 0")
    }

    /// `IsOvercommitAllowed`: a native resource (no domain, or a `kubernetes.io` one) that is not huge pages.
    private static func canOvercommit(_ name: String) -> Bool {
        let native = !name.contains("/") || name.contains("kubernetes.io/")
        return native && !name.hasPrefix("hugepages-")
    }
}
