import Cluster
@testable import Store
import Testing

/// A replay writes its streams in the order it folded them while a second thread encodes the next ones.
@Suite struct EncodedStreamTests {
    static let streams = (0..<20).map { index in
        (stream: DeploymentStream(namespace: "default", name: "web-\(index)"), lastCommand: Optional("command-\(index)"))
    }

    @Test(arguments: [1, 3, 8, 50])
    func streamsArriveInOrderWhateverTheWindow(_ window: Int) throws {
        var names: [String] = []
        try EncodedStream.inOrder(Self.streams, window: window) { encoded in
            names.append(encoded.stream.name)
            #expect(encoded.lastCommand == "command-\(encoded.stream.name.dropFirst(4))")
        }
        #expect(names == Self.streams.map(\.stream.name))
    }

    struct Stop: Error {}

    /// Writing stops at the first error, which the replay sees; what is being encoded ahead is waited for.
    @Test func anErrorWhileWritingStopsTheRest() throws {
        var written = 0
        #expect(throws: Stop.self) {
            try EncodedStream.inOrder(Self.streams, window: 4) { _ in
                written += 1
                if written == 5 { throw Stop() }
            }
        }
        #expect(written == 5)
    }
}
