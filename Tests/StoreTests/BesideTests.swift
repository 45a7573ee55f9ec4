@testable import Store
import Testing

@Suite struct BesideTests {
    struct Failure: Error, Equatable {}

    @Test func givesTheValueComputedOnTheOtherThread() throws {
        let values = (0..<50).map { index in Beside { (0...index).reduce(0, +) } }
        #expect(try values.map { try $0.value() } == (0..<50).map { $0 * ($0 + 1) / 2 })
    }

    @Test func rethrowsTheWorksError() {
        let failing = Beside<Int> { throw Failure() }
        #expect(throws: Failure()) { try failing.value() }
    }
}
