import Foundation
import TestSupport

/// A `rollbook serve` process on a free loopback port, with its output in files.
final class ServeProcess {
    let process = Process()
    /// `http://127.0.0.1:PORT`, or `https://…` with a certificate.
    private(set) var url = ""
    let log: URL

    /// Starts `rollbook serve --port 0 --store STORE ARGUMENTS` and waits until it says where it listens.
    ///
    /// - Parameter now: `ROLLBOOK_NOW` for the server; nil lets the system clock drive simulated time.
    init(binary: URL, store: String, arguments: [String], now: String?, directory: URL) throws {
        log = directory.appendingPathComponent("serve-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let output = try FileHandle(forWritingTo: log)
        process.executableURL = binary
        process.arguments = ["serve", "--port", "0", "--store", store] + arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["ROLLBOOK_NOW"] = now
        environment["TZ"] = "UTC"
        process.environment = environment
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.contains("Serving the Kubernetes API") }),
                let range = line.range(of: " on http")
            {
                url = "http" + line[range.upperBound...]
                return
            }
            if !process.isRunning { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        stop()
        throw HarnessError("rollbook serve did not start: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
    }

    /// Everything the server printed.
    var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// SIGTERM, then waits for the graceful shutdown.
    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    deinit { stop() }
}
