import Foundation

/// A self-signed certificate for 127.0.0.1, made with the `openssl` command: kubectl sends bearer tokens
/// only over HTTPS, so the token tests need one.
struct TestCertificate {
    let certificate: String
    let privateKey: String

    static var canCreate: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl") }

    init(in directory: URL) throws {
        certificate = directory.appendingPathComponent("serve.crt").path
        privateKey = directory.appendingPathComponent("serve.key").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", privateKey, "-out", certificate, "-days", "2", "-subj", "/CN=rollbook-serve",
            "-addext", "subjectAltName=IP:127.0.0.1",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw HarnessError("openssl could not make a test certificate") }
    }

    /// `rollbook serve` flags that serve HTTPS with this certificate.
    var serveArguments: [String] { ["--tls-cert-file", certificate, "--tls-private-key-file", privateKey] }
}
