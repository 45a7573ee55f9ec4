extension Quantity {
    /// A quantity written as a string or a JSON number, as `Quantity.UnmarshalJSON` reads it; nil when it is none.
    public init?(_ value: JSONValue) {
        switch value {
        case .string(let text): self.init(parsing: text.trimmingCharacters(in: .whitespaces))
        case .int(let number): self.init(parsing: String(number))
        case .double(let number): self.init(parsing: number.description)
        default: return nil
        }
    }

    /// Whether the quantity is zero (`q.Cmp(resource.Quantity{}) == 0`).
    public var isZero: Bool { mantissa == 0 }

    /// `Value()`: the quantity in whole units, a fraction rounded away from zero (`1500m` is 2).
    public var value: Int64 { scaledValue(0) }

    /// `MilliValue()`: the quantity in thousandths (`1.5` is 1500).
    public var milliValue: Int64 { scaledValue(-3) }

    /// `ScaledValue(scale)`: the quantity in units of 10^`scale`, a fraction rounded away from zero
    /// (`negativeScaleInt64`). A value beyond int64, which Go would wrap, is clamped.
    public func scaledValue(_ scale: Int) -> Int64 {
        let shift = exponent - scale
        if shift >= 0 {
            var result = mantissa
            for _ in 0..<shift {
                let (product, overflow) = result.multipliedReportingOverflow(by: 10)
                if overflow { return mantissa < 0 ? .min : .max }
                result = product
            }
            return result
        }
        // The mantissa has at most 17 digits, so dividing by 10^18 or more leaves only the rounding.
        guard -shift < 18 else { return mantissa.signum() }
        let divisor = (0..<(-shift)).reduce(Int64(1)) { product, _ in product * 10 }
        let (quotient, remainder) = mantissa.quotientAndRemainder(dividingBy: divisor)
        return remainder == 0 ? quotient : quotient + mantissa.signum()
    }
}
