import KubeModel
import Testing

/// The byte-level Event reader a replay uses must read exactly what `JSONCodec` reads, or decline.
struct KubeEventScanningTests {
    static let canonical = """
        {"count":2,"firstTimestamp":"2026-01-01T00:01:53Z","involvedObject":{"apiVersion":"apps/v1","kind":"Deployment",\
        "name":"web","namespace":"team-000","uid":"31b1d86a"},"lastTimestamp":"2026-01-01T00:02:53Z",\
        "message":"Scaled up replica set web-6fb9747d8d to 4","name":"web.1886726c3d4d2a00","namespace":"team-000",\
        "reason":"ScalingReplicaSet","source":"deployment-controller","type":"Normal"}
        """

    static func scan(_ text: String) -> KubeEvent? {
        var text = text
        return text.withUTF8 { KubeEvent(scanning: $0) }
    }

    @Test(arguments: [
        canonical,
        // Whitespace, another key order, a field path, unknown keys, repeated keys (the last one counts).
        """
        { "type" : "Warning", "source":"kubelet", "reason":"BackOff", "namespace":"default", "name":"p.1",
          "message":"Back-off restarting failed container", "lastTimestamp":"2026-01-01T00:00:09Z",
          "involvedObject":{"uid":"u","namespace":"default","name":"p","kind":"Pod","apiVersion":"v1",
                            "fieldPath":"spec.containers{app}"},
          "firstTimestamp":"2026-01-01T00:00:00Z", "count":12, "extra":{"a":[1,2,{"b":"}"}]}, "count":13 }
        """,
        canonical.replacingOccurrences(of: #""kind":"Deployment","#, with: #""kind":"Deployment","fieldPath":null,"#),
        canonical.replacingOccurrences(of: #""kind":"Deployment","#, with: #""fieldPath":"x","fieldPath":null,"kind":"Deployment","#),
        canonical.replacingOccurrences(of: #""count":2"#, with: #""count":-0"#),
        // Escapes, read by the parser's own string reading.
        canonical.replacingOccurrences(of: "Scaled up", with: #"Sc\"aled\\ \n\u00e9\ud83d\ude00 \/ up"#),
    ])
    func readsWhatTheCodecReads(_ text: String) throws {
        let scanned = try #require(KubeEventScanningTests.scan(text))
        #expect(scanned == (try JSONCodec.decode(KubeEvent.self, from: text)))
    }

    /// Forms the reader leaves to the codec (which may read them, differently or not at all).
    @Test(arguments: [
        (#""count":2"#, #""count":2.0"#),                               // not a plain integer
        (#""count":2"#, #""count":1e1"#),
        (#""count":2"#, #""count":02"#),
        (#""count":2"#, #""count":null"#),
        (#""lastTimestamp":"2026-01-01T00:02:53Z""#, #""lastTimestamp":"2026-01-01T01:02:53+01:00""#),
        (#""reason":"ScalingReplicaSet","#, ""),                       // a required key missing
        (#""type":"Normal"}"#, #""type":"Normal"}x"#),                  // trailing text
        (#""message":"Scaled"#, #""message":"Sca\qled"#),             // a bad escape (the codec refuses it)
        (#""uid":"31b1d86a""#, #""uid":31"#),                           // a type mismatch
    ])
    func declinesWhatItCannotBeSureOf(_ original: String, _ replacement: String) {
        let text = KubeEventScanningTests.canonical.replacingOccurrences(of: original, with: replacement)
        #expect(text != KubeEventScanningTests.canonical)
        #expect(KubeEventScanningTests.scan(text) == nil)
    }
}

/// The hand-written Event JSON must be the codec's, byte for byte: stored projections are compared as text.
struct KubeEventJSONTests {
    @Test(arguments: [
        KubeEventScanningTests.canonical,
        KubeEventScanningTests.canonical.replacingOccurrences(
            of: #""kind":"Deployment","#, with: #""fieldPath":"spec.containers{app}","kind":"Deployment","#),
        KubeEventScanningTests.canonical.replacingOccurrences(
            of: "Scaled up", with: #"Sc\"aled\\ \n\t\u0001 up / <ü> \u00e9"#),
        KubeEventScanningTests.canonical.replacingOccurrences(of: #""count":2"#, with: #""count":123456789"#),
    ])
    func writesWhatTheCodecWrites(_ text: String) throws {
        let event = try JSONCodec.decode(KubeEvent.self, from: text)
        #expect(event.canonicalJSON == (try JSONCodec.encode(event)))
    }
}
