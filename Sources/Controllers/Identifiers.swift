import KubeModel

/// Deterministic stand-ins for the random values a real cluster generates (UIDs, name suffixes, IPs).
/// Each is a pure function of names and sequence numbers, so a replayed log reproduces them exactly.
public enum Identifiers {
    /// FNV-1a 64 over `text`.
    static func fnv64(_ text: String, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var hash = seed
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    /// A UUID-shaped identifier derived from `key`.
    public static func uid(_ key: String) -> String {
        let high = fnv64(key)
        let low = fnv64(key, seed: high ^ 0x9e37_79b9_7f4a_7c15)
        let hex = String(high, radix: 16).leftPadded(16) + String(low, radix: 16).leftPadded(16)
        let chars = Array(hex)
        func part(_ range: Range<Int>) -> String { String(chars[range]) }
        return [part(0..<8), part(8..<12), part(12..<16), part(16..<20), part(20..<32)].joined(separator: "-")
    }

    /// Five characters from the name-generator alphabet, as the API server appends to `generateName`.
    public static func nameSuffix(_ key: String) -> String {
        var value = fnv64(key)
        var out = ""
        for _ in 0..<5 {
            out.append(TemplateHash.alphabet[Int(value % UInt64(TemplateHash.alphabet.count))])
            value /= UInt64(TemplateHash.alphabet.count)
        }
        return out
    }

    /// `10.244.0.x`: an address in the simulated node's pod CIDR, derived from the pod's UID.
    public static func podIP(for uid: String) -> String {
        "10.244.0.\(fnv64(uid) % 250 + 2)"
    }

    /// The Pod's address: the node's for a host-network Pod, else one of its pod CIDR.
    public static func podIP(of pod: Pod) -> String {
        pod.spec.raw["hostNetwork"]?.boolValue == true ? hostIP : podIP(for: pod.metadata.uid ?? pod.name)
    }

    public static let hostIP = "192.168.49.2"
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
