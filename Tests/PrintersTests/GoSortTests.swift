@testable import Printers
import Testing

/// Go's unstable `sort.Sort`, as kubectl's `describe` sorts Events with it.
struct GoSortTests {
    /// A Pod's 13 Events in the API server's (name) order: the scheduler's, then for each of three containers the
    /// kubelet's Pulled, Created, Started at the Pod's start and an Unhealthy Event whose last time is later. kubectl
    /// v1.32.4 `describe pod` through `rollbook serve` printed them as `expected` (indices into the input).
    @Test func tiesComeOutAsKubectlPrintsThem() {
        let later: Set<Int> = [4, 8, 12]
        let input = (0..<13).map { (index: $0, time: later.contains($0) ? 460 : 0) }
        let sorted = GoSort.sorted(input) { $0.time < $1.time }.map(\.index)
        #expect(sorted == [6, 1, 2, 3, 5, 0, 7, 9, 10, 11, 4, 8, 12])
    }

    @Test func upToTwelveElementsKeepTheOrderOfTies() {
        let input = (0..<12).map { (index: $0, key: $0 % 3) }
        let sorted = GoSort.sorted(input) { $0.key < $1.key }.map(\.index)
        #expect(sorted == [0, 3, 6, 9, 1, 4, 7, 10, 2, 5, 8, 11])
    }

    @Test func everyLengthComesOutSorted() {
        var state: UInt64 = 42
        for length in [13, 49, 50, 51, 200, 1_000] {
            let input = (0..<length).map { _ -> Int in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return Int(state >> 55)
            }
            #expect(GoSort.sorted(input, by: <) == input.sorted(), "length \(length)")
            #expect(GoSort.sorted(input.sorted(by: >), by: <) == input.sorted(), "descending, length \(length)")
        }
    }
}
