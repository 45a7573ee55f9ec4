import Foundation
import KubeModel

extension DescribeWriter {
    /// `DescribeEvents`: the events table, aligned on its own because the writer is flushed first. Nil events
    /// (`--show-events=false`) leave the section out.
    ///
    /// Events come in the API server's order (by name) and are sorted by `lastTimestamp` with Go's unstable
    /// `sort.Sort` (``GoSort``): up to 12 ties keep their order, more may not. A repeated event reads
    /// `<last> (xN over <first>)`.
    mutating func events(_ events: [KubeEvent]?, now: Timestamp) {
        guard let events else { return }
        guard !events.isEmpty else { return write(0, "Events:\t<none>\n") }
        flush()
        let sorted = GoSort.sorted(events) { $0.lastTimestamp < $1.lastTimestamp }
        write(0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n")
        write(1, "----\t------\t----\t----\t-------\n")
        for event in sorted {
            let first = age(of: event.firstTimestamp, now: now)
            let interval = event.count > 1
                ? "\(age(of: event.lastTimestamp, now: now)) (x\(event.count) over \(first))" : first
            let message = event.message.trimmingCharacters(in: .whitespacesAndNewlines)
            write(1, "\(event.type)\t\(event.reason)\t\(interval)\t\(event.source)\t\(message)\n")
        }
    }
}
