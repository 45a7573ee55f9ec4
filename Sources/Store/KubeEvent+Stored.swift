import KubeModel

extension KubeEvent {
    /// A stored Event's text (a row's `object`, a snapshot's member): scanned when the scanner is sure of it,
    /// decoded the ordinary way otherwise.
    init(stored bytes: UnsafeBufferPointer<UInt8>) throws {
        self = try KubeEvent(scanning: bytes) ?? JSONCodec.decode(KubeEvent.self, from: JSONCodec.parse(bytes))
    }
}
