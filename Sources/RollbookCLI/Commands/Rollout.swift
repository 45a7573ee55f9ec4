import ControlPlane
import Foundation
import KubeModel
import Printers

enum Rollout {
    /// The help of `-o` on the verbs that change a Deployment.
    static let outputHelp = "Print the changed objects: json, yaml, name, jsonpath=… or go-template=…."

    static var node: CommandNode {
        .group("rollout", abstract: "Manage the rollout of a Deployment.", subcommands: [
            Subcommand("status") { Status.spec.node }, Subcommand("history") { History.spec.node },
            Subcommand("undo") { Undo.spec.node }, Subcommand("pause") { Pause.spec.node },
            Subcommand("resume") { Resume.spec.node }, Subcommand("restart") { Restart.spec.node },
        ])
    }
}

extension Rollout {
    struct Pause: RolloutVerb {
        static let spec = CommandSpec<Pause>.rollout("pause", abstract: "Mark the Deployment as paused.", options: [
            .option(\.output, "output", short: "o", help: Rollout.outputHelp), .template(\.output),
        ])
        var globals = GlobalOptions()
        var files = FilenameOption()
        var resource: [String] = []
        var selector: String?
        var output: String?
        func run() throws {
            try Rollout.each(
                files.resources(resource, command: "rollout", plainErrors: .always), selector: selector, globals, "paused",
                output: output
            ) { try $0.pause(namespace: $1, name: $2) }
        }
    }

    struct Resume: RolloutVerb {
        static let spec = CommandSpec<Resume>.rollout("resume", abstract: "Resume a paused Deployment.", options: [
            .option(\.output, "output", short: "o", help: Rollout.outputHelp), .template(\.output),
        ])
        var globals = GlobalOptions()
        var files = FilenameOption()
        var resource: [String] = []
        var selector: String?
        var output: String?
        func run() throws {
            try Rollout.each(
                files.resources(resource, command: "rollout", plainErrors: .always), selector: selector, globals, "resumed",
                output: output
            ) { try $0.resume(namespace: $1, name: $2) }
        }
    }

    struct Restart: RolloutVerb {
        static let spec = CommandSpec<Restart>.rollout("restart", abstract: "Restart a Deployment's pods with a new rollout.", options: [
            .option(\.output, "output", short: "o", help: Rollout.outputHelp), .template(\.output),
        ])
        var globals = GlobalOptions()
        var files = FilenameOption()
        var resource: [String] = []
        var selector: String?
        var output: String?
        func run() throws {
            try Rollout.each(
                files.resources(resource, command: "rollout", plainErrors: .always), selector: selector, globals, "restarted",
                output: output
            ) { try $0.restart(namespace: $1, name: $2) }
        }
    }

    struct Undo: RolloutVerb {
        static let spec = CommandSpec<Undo>.rollout("undo", abstract: "Roll back to a previous revision.", options: [
            .option(\.toRevision, "to-revision", help: "The revision to roll back to. Default to 0 (last revision)."),
            .option(\.dryRun, "dry-run", valueWhenBare: "unchanged", help: "none, client (print the template) or server (check only)."),
            .flag(\.fromHistory, "from-history", help: "Restore --to-revision from the full history, even if its ReplicaSet was garbage-collected."),
            .option(\.output, "output", short: "o", help: Rollout.outputHelp),
            .template(\.output),
        ])
        var globals = GlobalOptions()
        var files = FilenameOption()
        var resource: [String] = []
        var toRevision = 0
        var dryRun = "none"
        var fromHistory = false
        var selector: String?
        var output: String?
        func run() throws {
            let strategy = try DryRunStrategy(flag: dryRun)
            _ = try TypedOutput(output)
            let plane = try globals.controlPlane()
            let namespace = globals.resolvedNamespace.name
            let resources = try files.resources(resource, command: "rollout")
            if try Rollout.severalKinds(
                resources, selector: selector, namespace: namespace, source: .live(plane), refusal: .rollbacker, act: { try undo($0, plane: plane, namespace: namespace, strategy: strategy) })
            {
                return
            }
            let targets = try DeploymentTargets(
                files.resources(resource, command: "rollout"), selector: selector, namespace: namespace, in: plane,
                refusal: .rollbacker)
            var errors = targets.notFound
            for name in targets.names {
                do {
                    try undo(name, plane: plane, namespace: namespace, strategy: strategy)
                } catch let error as CommandError {
                    errors.append(error)
                }
            }
            try DeploymentTargets.report(errors, rawMessage: Rollout.bare)
        }

        private func undo(_ name: String, plane: ControlPlane, namespace: String, strategy: DryRunStrategy) throws {
            let client = strategy == .client, server = strategy == .server
            // rollout_undo.go prints the object it read before rolling back, with a printer per object.
            var printer = try TypedOutput(output)
            let read = printer.printsObjects ? try plane.deploymentStream(namespace: namespace, name: name).deployment : nil
            func print(_ operation: String) throws {
                Output.out(try printer.text(
                    read.map { ObjectListing.Object.deployment($0).json } ?? .null, as: .deployment,
                    resource: "deployment.apps/\(name)", operation: operation))
            }
            let result = fromHistory
                ? try plane.undoFromHistory(
                    namespace: namespace, name: name, toRevision: toRevision, dryRun: client, serverDryRun: server)
                : try plane.undo(
                    namespace: namespace, name: name, toRevision: toRevision, dryRun: client, serverDryRun: server)
            switch result {
            case .rolledBack:
                try print(strategy.operation("rolled back"))
            case .skipped(let revision):
                try print(strategy.operation("skipped rollback (current template already matches revision \(revision))"))
            case .dryRun(_, let template):
                // kubectl passes the template text as the name printer's operation, then appends " (dry run)".
                try print(strategy.operation(describePodTemplate(template)))
            }
        }
    }

    struct Status: RolloutVerb {
        static let spec = CommandSpec<Status>.rollout("status", abstract: "Show the status of the rollout.", pointInTime: \Status.pointInTime, options: [
            .option(\.revision, "revision", help: "Pin to a specific revision for showing its status. Defaults to 0 (last revision)."),
            .duration(\.timeout, "timeout", help: "The length of time to wait before ending watch, zero means never (e.g. 5s, 2m)."),
            .flag(\.watch, "watch", short: "w", help: "Watch the status of the rollout until it's done."),
        ])
        var globals = GlobalOptions()
        var files = FilenameOption()
        var pointInTime = PointInTimeOption()
        var resource: [String] = []
        var selector: String?
        var revision = 0
        var timeout = "0s"
        var watch = true

        func run() throws {
            if revision < 0 { throw CommandError.client("revision must be a positive integer: \(revision)") }
            let limit = Duration.parse(timeout) ?? 0   // checked when the flag was parsed
            let namespace = globals.resolvedNamespace.name
            let source = try globals.readSource(pointInTime)
            let resources = try files.resources(resource, command: "rollout")
            if try Rollout.severalKinds(
                resources, selector: selector, namespace: namespace, source: source, refusal: .statusViewer,
                act: { name in
                    if pointInTime.at != nil { try evaluateOnce(name: name) } else { try watchRollout(name: name, limit: limit) }
                })
            {
                return
            }
            let targets = try DeploymentTargets(
                resources, selector: selector, namespace: namespace, in: source, refusal: .statusViewer)
            if let missing = targets.notFound.first { throw missing }
            if targets.names.isEmpty { return Output.err("No resources found in \(namespace) namespace.\n") }
            // Each Deployment is watched until it is done, one after the other.
            for name in targets.names {
                if pointInTime.at != nil { try evaluateOnce(name: name) } else { try watchRollout(name: name, limit: limit) }
            }
        }

        private func watchRollout(name: String, limit: TimeInterval) throws {
            let started = Date()
            var lastVersion: String?
            while true {
                let plane = try globals.controlPlane()
                let stream = try plane.deploymentStream(namespace: globals.resolvedNamespace.name, name: name)
                let deployment = stream.deployment!
                if deployment.metadata.resourceVersion != lastVersion {
                    lastVersion = deployment.metadata.resourceVersion
                    switch RolloutStatus.evaluate(deployment, revision: revision) {
                    case .done(let message):
                        Output.out(message + "\n")
                        return
                    case .failed(let message):
                        throw CommandError.client(message)
                    case .waiting(let message):
                        Output.out(message + "\n")
                        if !watch { return }
                    }
                }
                if limit > 0 && Date().timeIntervalSince(started) >= limit {
                    throw CommandError.client("timed out waiting for the condition")
                }
                Thread.sleep(forTimeInterval: 0.5)
            }
        }

        /// `--at`: the one evaluation a watch would have started with at that moment; nothing to wait for.
        private func evaluateOnce(name: String) throws {
            let source = try globals.readSource(pointInTime)
            let stream = try source.deploymentStream(namespace: globals.resolvedNamespace.name, name: name)
            guard let deployment = stream.deployment else { return }
            switch RolloutStatus.evaluate(deployment, revision: revision) {
            case .done(let message), .waiting(let message):
                Output.out(message + "\n")
            case .failed(let message):
                throw CommandError.client(message)
            }
        }
    }
}

enum Duration {
    /// Go duration strings as kubectl flags take them: `0`, `30s`, `2m`, `1h30m`, `500ms`, `-1s`.
    static func parse(_ text: String) -> TimeInterval? {
        // time.ParseDuration takes one leading sign.
        if let sign = text.first, sign == "-" || sign == "+" {
            return unsigned(String(text.dropFirst())).map { sign == "-" ? -$0 : $0 }
        }
        return unsigned(text)
    }

    private static func unsigned(_ text: String) -> TimeInterval? {
        if text == "0" { return 0 }
        var total: TimeInterval = 0
        var number = ""
        var unit = ""
        func flush() -> Bool {
            guard let value = Double(number) else { return false }
            switch unit {
            case "ns": total += value / 1e9
            case "us", "µs": total += value / 1e6
            case "ms": total += value / 1e3
            case "s": total += value
            case "m": total += value * 60
            case "h": total += value * 3600
            default: return false
            }
            number = ""
            unit = ""
            return true
        }
        for character in text {
            if character.isNumber || character == "." {
                if !unit.isEmpty { guard flush() else { return nil } }
                number.append(character)
            } else {
                unit.append(character)
            }
        }
        guard !number.isEmpty, flush() else { return nil }
        return total
    }
}

extension Rollout {
    /// pause, resume and restart: the verb on each target in turn, kubectl's `deployment.apps/NAME <operation>`
    /// for each done, the errors collected and reported as kubectl's CheckErr does.
    static func each(
        _ arguments: [String], selector: String?, _ globals: GlobalOptions, _ operation: String, output: String?,
        _ act: (_ plane: ControlPlane, _ namespace: String, _ name: String) throws -> Deployment?
    ) throws {
        // Checked before anything changes (kubectl builds the printer only after patching, and fails then).
        _ = try TypedOutput(output)
        let plane = try globals.controlPlane()
        let namespace = globals.resolvedNamespace.name
        let gerund = ["paused": "pausing", "resumed": "resuming", "restarted": "restarting"][operation] ?? operation
        func visit(_ name: String) throws {
            let answer = try act(plane, namespace, name)
            // A printer per object, as the rollout verbs make one after each patch: no `---` between YAMLs.
            var printer = try TypedOutput(output)
            Output.out(try printer.text(
                answer.map { ObjectListing.Object.deployment($0).json } ?? .null, as: .deployment,
                resource: "deployment.apps/\(name)", operation: operation))
        }
        if try severalKinds(
            arguments, selector: selector, namespace: namespace, source: .live(plane),
            refusal: .unsupported(gerund: gerund), rawMessage: \.text, act: visit)
        {
            return
        }
        let targets = try DeploymentTargets(
            arguments, selector: selector, namespace: namespace, in: plane, refusal: .unsupported(gerund: gerund))
        if targets.names.isEmpty && targets.missing.isEmpty {
            return Output.err("No resources found in \(namespace) namespace.\n")
        }
        var errors = targets.notFound
        for name in targets.names {
            do {
                try visit(name)
            } catch let error as CommandError {
                errors.append(error)
            }
        }
        try DeploymentTargets.report(errors)
    }
}
