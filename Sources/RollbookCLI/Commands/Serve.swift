import APIServer
import ControlPlane
import Dispatch
import Foundation
import KubeModel

/// `rollbook serve`: the Kubernetes API over the store, for the real kubectl and client libraries.
struct Serve: RunnableCommand {
    static let spec = CommandSpec<Serve>(
        "serve", abstract: "Serve the store over the Kubernetes API, for kubectl and Kubernetes client libraries.",
        discussion: """
            Every request runs the same commands as the CLI, recorded with the caller as actor. Callers \
            authenticate with a bearer token from --token-file (kube-apiserver's static token file: \
            token,user,uid[,"group1,group2"] per line); with --allow-anonymous a request without a token \
            runs as system:anonymous. kubectl sends tokens only over HTTPS: give --tls-cert-file and \
            --tls-private-key-file to use them. ROLLBOOK_NOW fixes the clock, as for every command; without it \
            simulated time follows the system clock.
            Examples: rollbook serve --token-file tokens.csv --tls-cert-file serve.crt --tls-private-key-file \
            serve.key, then kubectl --server=https://127.0.0.1:6443 --certificate-authority=serve.crt \
            --token=TOKEN get deployments; rollbook serve --allow-anonymous, then \
            kubectl --server=http://127.0.0.1:6443 get deployments
            """,
        options: GlobalOptions.options(in: \.globals)
            + [
            .option(\.address, "address", help: "The IP address to listen on (loopback by default)."),
            .option(\.port, "port", help: "The port to listen on; 0 picks a free one (printed on start)."),
            .option(\.tokenFile, "token-file", help: "A static token file: token,user,uid[,\"group1,group2\"] per line."),
            .flag(\.allowAnonymous, "allow-anonymous", help: "Serve requests without a token as system:anonymous."),
            .option(\.tlsCertFile, "tls-cert-file", help: "A PEM certificate (chain): serve HTTPS. kubectl sends tokens only over HTTPS."),
            .option(\.tlsPrivateKeyFile, "tls-private-key-file", help: "The PEM private key of --tls-cert-file."),
        ],
        make: Serve.init)

    var globals = GlobalOptions()
    var address = "127.0.0.1"
    var port = 6443
    var tokenFile: String?
    var allowAnonymous = false
    var tlsCertFile: String?
    var tlsPrivateKeyFile: String?
    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        if (tlsCertFile == nil) != (tlsPrivateKeyFile == nil) {
            throw ValidationError("--tls-cert-file and --tls-private-key-file go together")
        }
        if tokenFile == nil && !allowAnonymous {
            throw ValidationError("serve needs --token-file FILE, --allow-anonymous, or both")
        }
    }

    func run() throws {
        var tokens: [String: UserInfo] = [:]
        if let tokenFile {
            guard let text = try? String(contentsOfFile: tokenFile, encoding: .utf8) else {
                throw CommandError.client("cannot read --token-file \(tokenFile)")
            }
            do {
                tokens = try TokenFile.parse(text)
            } catch {
                throw CommandError.client("\(tokenFile): \(error)")
            }
        }
        let fixed = Environment.value("ROLLBOOK_NOW").map { !$0.isEmpty } ?? false
        let start = try Environment.now()
        let storePath = globals.store ?? Environment.storePath
        let clock: @Sendable () -> Timestamp
        if fixed {
            clock = { start }
        } else {
            clock = { Timestamp(Date()) }
        }
        let authenticator = Authenticator(tokens: tokens, allowAnonymous: allowAnonymous)
        let configuration = ServerConfiguration(
            host: address, port: port, storePath: storePath, clock: clock, clockIsLive: !fixed,
            authenticator: authenticator,
            tls: tlsCertFile.flatMap { cert in tlsPrivateKeyFile.map { (certificateFile: cert, privateKeyFile: $0) } })
        if !["127.0.0.1", "::1", "localhost"].contains(address) && tlsCertFile == nil {
            Output.err("Warning: serving plain HTTP on \(address): bearer tokens cross the network unencrypted\n")
        }
        let failure = Failure()
        let done = DispatchSemaphore(value: 0)
        let server = APIServer(configuration: configuration)
        Task {
            do {
                try await server.run { bound in
                    Output.out("Serving the Kubernetes API for \(storePath) on \(bound)\n")
                }
            } catch {
                failure.record(error)
            }
            done.signal()
        }
        done.wait()
        if let error = failure.error {
            throw CommandError.client("serve: \(error)")
        }
    }
}

/// The error the server stopped with, handed from its task to the waiting command.
private final class Failure: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?

    func record(_ error: any Error) { lock.withLock { stored = error } }

    var error: (any Error)? { lock.withLock { stored } }
}
