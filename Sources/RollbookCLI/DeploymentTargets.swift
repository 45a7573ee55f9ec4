import ArgumentParser
import ControlPlane
import KubeModel

/// The Deployments a verb acts on, as kubectl's resource builder finds them: the names given, in order,
/// or with a type alone or `-l` every Deployment of the namespace (that the selector matches), by name.
struct DeploymentTargets {
    /// Existing Deployments, in the order they are visited.
    var names: [String]
    /// Names given that no Deployment has: kubectl visits the others and reports these as NotFound.
    var missing: [String]

    init(_ arguments: [String], selector: String?, all deployments: () throws -> [Deployment]) throws {
        let parsed = try ResourceArguments(arguments)
        guard parsed.kind == .deployment else {
            throw CommandError.client("no objects passed to this command are Deployments")
        }
        let query = try selector.map { text in
            guard let query = LabelQuery(text) else { throw CommandError.client("unable to parse requirement: \(text)") }
            return query
        }
        let existing = try deployments()
        if parsed.names.isEmpty {
            names = existing.filter { query?.matches($0.metadata.labels ?? [:]) ?? true }.map(\.name).sorted()
            missing = []
        } else {
            let known = Set(existing.map(\.name))
            names = parsed.names.filter { known.contains($0) }
            missing = parsed.names.filter { !known.contains($0) }
        }
    }

    /// The NotFound errors for ``missing``.
    var notFound: [CommandError] { missing.map { CommandError.notFound(Resource.deployments, $0) } }

    /// Prints collected errors as kubectl's CheckErr does: one error as itself; several (an aggregate)
    /// each on its own line, as its raw message (`rawMessage` strips what only a lone error gets).
    static func report(_ errors: [CommandError], rawMessage: (CommandError) -> String = \.text) throws {
        guard !errors.isEmpty else { return }
        if errors.count == 1 {
            Output.err(errors[0].text + "\n")
        } else {
            for error in errors { Output.err(rawMessage(error) + "\n") }
        }
        throw ExitCode(1)
    }
}
