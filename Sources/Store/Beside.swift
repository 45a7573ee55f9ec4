import Dispatch
import Foundation

/// A value computed on another thread while the caller does something else, then waited for.
///
/// For a read's two independent halves on a machine with a core to spare; `value()` waits for the result
/// (or rethrows its error) and may be called once.
final class Beside<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written once by the worker before it signals `done`; read after the wait.
    private var result: Result<Value, any Error>?

    init(_ work: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            result = Result(catching: work)
            done.signal()
        }
    }

    func value() throws -> Value {
        done.wait()
        return try result!.get()
    }
}
