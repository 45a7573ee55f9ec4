import Foundation
@testable import Store
import Testing

/// Snapshots are stored in the zlib format: those zlib wrote before libdeflate took over must still inflate,
/// and a damaged one must be refused, not read.
@Suite struct DeflateTests {
    static let text = #"{"events":{},"eventSequence":0,"aggregates":{"k":{"messages":["a","a"]}}}"#
    /// `zlib.compress(text, 1)`, as zlib 1.2.13 wrote it.
    static let writtenByZlib = Data([
        0x78, 0x01, 0xab, 0x56, 0x4a, 0x2d, 0x4b, 0xcd, 0x2b, 0x29, 0x56, 0xb2, 0xaa, 0xae, 0xd5, 0x81, 0xb0, 0x83,
        0x53, 0x0b, 0x4b, 0x53, 0xf3, 0x92, 0x53, 0x95, 0xac, 0x0c, 0x74, 0x94, 0x12, 0xd3, 0xd3, 0x8b, 0x52, 0xd3,
        0x13, 0x4b, 0x52, 0x41, 0x2a, 0x94, 0xb2, 0x41, 0x44, 0x6e, 0x6a, 0x71, 0x71, 0x62, 0x3a, 0x48, 0x20, 0x5a,
        0x29, 0x51, 0x09, 0xa8, 0x44, 0x29, 0xb6, 0xb6, 0xb6, 0x16, 0x00, 0xb1, 0x7e, 0x18, 0xda,
    ])

    @Test func inflatesWhatZlibWrote() throws {
        #expect(try Deflate.decompress(Self.writtenByZlib, size: Self.text.utf8.count) == Self.text)
    }

    @Test func roundTripsInTheZlibFormat() throws {
        let long = String(repeating: Self.text, count: 200) + "ünïcödé"
        let compressed = try Deflate.compress(long)
        #expect(compressed.first == 0x78, "a zlib header")
        #expect(compressed.count * 10 < long.utf8.count)
        #expect(try Deflate.decompress(compressed, size: long.utf8.count) == long)
        #expect(try Deflate.decompress(try Deflate.compress(""), size: 0) == "")
    }

    @Test func refusesDamagedOrMisSizedData() throws {
        var damaged = Self.writtenByZlib
        damaged[damaged.count - 1] ^= 0xFF  // the Adler-32 checksum
        #expect(throws: StoreError.self) { try Deflate.inflate(damaged, size: Self.text.utf8.count) }
        #expect(throws: StoreError.self) { try Deflate.inflate(Self.writtenByZlib, size: Self.text.utf8.count + 1) }
        #expect(throws: StoreError.self) { try Deflate.inflate(Data([0x78, 0x01]), size: 4) }
    }
}
