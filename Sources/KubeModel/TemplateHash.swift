/// The `pod-template-hash` label value: FNV-1a 32 over the template's canonical JSON (plus the collision
/// count when set), printed in decimal, then mapped digit by digit through `SafeEncodeString`.
///
/// Upstream hashes Go's spew dump of the internal struct, which cannot be reproduced outside Go; the
/// pipeline is the same, the input serialization is ours, so the values differ from a real cluster's.
public enum TemplateHash {
    public static func compute(_ template: PodTemplateSpec, collisionCount: Int?) -> String {
        var hash: UInt32 = 2_166_136_261
        func feed(_ byte: UInt8) {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        for byte in template.withoutHashLabel.canonicalJSON.utf8 { feed(byte) }
        if let collisionCount {
            let count = UInt32(truncatingIfNeeded: collisionCount)
            for shift in stride(from: 0, to: 32, by: 8) { feed(UInt8(truncatingIfNeeded: count >> UInt32(shift))) }
            for _ in 0..<4 { feed(0) }
        }
        return safeEncode(String(hash))
    }

    /// apimachinery's `rand.SafeEncodeString`: each byte indexes the vowel-free alphabet modulo 27.
    public static func safeEncode(_ text: String) -> String {
        String(text.utf8.map { alphabet[Int($0) % alphabet.count] })
    }

    /// The alphabet of generated names: no vowels, no easily confused characters.
    public static let alphabet: [Character] = Array("bcdfghjklmnpqrstvwxz2456789")
}
