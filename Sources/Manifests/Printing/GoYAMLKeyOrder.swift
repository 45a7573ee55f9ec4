/// go-yaml v2's map key order (`keyList.Less` in sorter.go), which is not byte order.
///
/// Letters sort after non-letters at the first difference, and runs of digits compare by numeric value, so
/// `item9` comes before `item10` and `a_b` before `aB` — unlike `-o json`, which sorts by bytes.
enum GoYAMLKeyOrder {
    static func sorted(_ keys: some Sequence<String>) -> [String] {
        keys.map { (key: $0, scalars: Array($0.unicodeScalars)) }
            .sorted { less($0.scalars, $1.scalars) }
            .map(\.key)
    }

    static func less(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
        var index = 0
        while index < a.count && index < b.count {
            if a[index] == b[index] {
                index += 1
                continue
            }
            let aLetter = isLetter(a[index])
            let bLetter = isLetter(b[index])
            if aLetter && bLetter { return a[index] < b[index] }
            if aLetter || bLetter { return bLetter }
            var aNumber: Int64 = 0
            var bNumber: Int64 = 0
            if a[index] == "0" || b[index] == "0" {
                var back = index - 1
                while back >= 0 && isDigit(a[back]) {
                    if a[back] != "0" {
                        aNumber = 1
                        bNumber = 1
                        break
                    }
                    back -= 1
                }
            }
            var aEnd = index
            while aEnd < a.count && isDigit(a[aEnd]) {
                aNumber = aNumber &* 10 &+ digitValue(a[aEnd])
                aEnd += 1
            }
            var bEnd = index
            while bEnd < b.count && isDigit(b[bEnd]) {
                bNumber = bNumber &* 10 &+ digitValue(b[bEnd])
                bEnd += 1
            }
            if aNumber != bNumber { return aNumber < bNumber }
            if aEnd != bEnd { return aEnd < bEnd }
            return a[index] < b[index]
        }
        return a.count < b.count
    }

    /// Go's `unicode.IsLetter`: general categories Lu, Ll, Lt, Lm and Lo.
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// Go's `unicode.IsDigit`: general category Nd.
    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .decimalNumber
    }

    /// Go computes `rune - '0'` even for non-ASCII digits; so do we.
    private static func digitValue(_ scalar: Unicode.Scalar) -> Int64 {
        Int64(scalar.value) - Int64(UInt8(ascii: "0"))
    }
}
