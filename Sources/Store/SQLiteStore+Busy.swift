import Foundation
import GRDB

extension SQLiteStore {
    /// How a connection waits for the store while another process holds it: poll every 1–4 ms, at random,
    /// for up to ``busyTimeout`` per wait.
    ///
    /// SQLite's own `busy_timeout` sleeps longer the longer it has waited (1, 2, 5 … up to 100 ms between
    /// tries), so a process that has waited a long time polls least often and keeps losing the lock to newcomers.
    /// Under load (eight writers and two readers on two cores) one command in 3200 waited out the whole
    /// 30 seconds that way. Short random pauses give every waiter the same chance at each release.
    ///
    /// Related SQLite documentation: <https://www.sqlite.org/c3ref/busy_handler.html>
    static func fairBusyMode() -> Database.BusyMode {
        let wait = BusyWait()
        return .callback { tries in wait.shouldRetry(tries) }
    }
}

/// The start of the current wait of one connection (SQLite restarts `tries` at 0 for each new wait).
private final class BusyWait: @unchecked Sendable {
    private let lock = NSLock()
    private var start = Date()

    func shouldRetry(_ tries: Int) -> Bool {
        let now = Date()
        let began = lock.withLock {
            if tries == 0 { start = now }
            return start
        }
        guard now.timeIntervalSince(began) < SQLiteStore.busyTimeout else { return false }
        Thread.sleep(forTimeInterval: Double.random(in: 0.001...0.004))
        return true
    }
}
