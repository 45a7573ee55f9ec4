import APIServer
import KubeModel
import Testing

/// The protobuf body kubectl v1.32's typed client sends for `kubectl create deployment zz --image=nginx:1.25
/// --replicas=2 --port=80` (captured with `-v=9`), read into the JSON the API would have received.
struct ProtobufDeploymentTests {
    static let captured = """
        6b 38 73 00 0a 15 0a 07 61 70 70 73 2f 76 31 12 0a 44 65 70 6c 6f 79 6d 65 6e 74 12 b9 01 0a 1d
        0a 02 7a 7a 12 00 1a 00 22 00 2a 00 32 00 38 00 42 00 5a 09 0a 03 61 70 70 12 02 7a 7a 12 89 01
        08 02 12 0b 0a 09 0a 03 61 70 70 12 02 7a 7a 1a 70 0a 1b 0a 00 12 00 1a 00 22 00 2a 00 32 00 38
        00 42 00 5a 09 0a 03 61 70 70 12 02 7a 7a 12 51 12 33 0a 05 6e 67 69 6e 78 12 0a 6e 67 69 6e 78
        3a 31 2e 32 35 2a 00 32 0a 0a 00 10 00 18 50 22 00 2a 00 42 00 6a 00 72 00 80 01 00 88 01 00 90
        01 00 a2 01 00 1a 00 32 00 42 00 4a 00 52 00 58 00 60 00 68 00 82 01 00 8a 01 00 9a 01 00 c2 01
        00 22 02 0a 00 28 00 38 00 1a 0c 08 00 10 00 18 00 20 00 28 00 38 00 1a 00 22 00
        """

    static func bytes(_ hex: String) -> [UInt8] {
        hex.split(whereSeparator: \.isWhitespace).map { UInt8($0, radix: 16)! }
    }

    @Test func readsWhatCreateDeploymentSends() throws {
        let json = try ProtobufDeployment.json(from: Self.bytes(Self.captured))
        let expected = try JSONCodec.parse("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"zz","labels":{"app":"zz"}},
             "spec":{"replicas":2,"selector":{"matchLabels":{"app":"zz"}},"strategy":{},
              "template":{"metadata":{"labels":{"app":"zz"}},
               "spec":{"containers":[{"name":"nginx","image":"nginx:1.25","ports":[{"containerPort":80}],
                "resources":{}}]}}}}
            """)
        #expect(json == expected)
    }

    /// A field the reader does not map, holding a value, is refused rather than dropped.
    @Test func refusesFieldsItDoesNotRead() {
        var body = Self.bytes(Self.captured)
        // ObjectMeta's generateName (field 2, empty) becomes field 15 with one byte: unknown and set.
        let metadataStart = body.firstIndex(of: 0x7a)! + 2  // after the name "zz"
        #expect(body[metadataStart] == 0x12)
        body[metadataStart] = (15 << 3) | 0
        body[metadataStart + 1] = 1
        #expect(throws: ProtobufDeployment.Unsupported.self) { try ProtobufDeployment.json(from: body) }
    }

    @Test func refusesOtherBodies() {
        #expect(throws: ProtobufDeployment.Unsupported.self) { try ProtobufDeployment.json(from: Array("{}".utf8)) }
    }
}
