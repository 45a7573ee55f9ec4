import ControlPlane
import Foundation
import KubeModel
import Printers

extension SetCommand {
    /// `kubectl set env` (pkg/cmd/set/set_env.go) for Deployments: the containers `-c` selects get the
    /// variables set and lose the ones removed; a change is a PATCH of the pod template, so a new rollout.
    struct Env: RunnableCommand {
        static let spec = CommandSpec<Env>(
            "env", abstract: "Update environment variables on a pod template.",
            options: GlobalOptions.options(in: \.globals)
                + FilenameOption.options(in: \.files)
                + [
                .option(\.containers, "containers", short: "c", help: "The names of containers in the selected pod templates to change - may use wildcards."),
                .option(\.env, "env", short: "e", help: "Specify a key-value pair for an environment variable to set into each container (- reads KEY=VALUE lines from stdin)."),
                .option(\.from, "from", help: "The name of a resource from which to inject environment variables."),
                .option(\.prefix, "prefix", help: "Prefix to append to variable names."),
                .option(\.keys, "keys", help: "Comma-separated list of keys to import from specified resource."),
                .flag(\.list, "list", help: "Display the environment and any changes in the standard format; nothing is written."),
                .option(\.selector, "selector", short: "l", help: "Update the Deployments matching this selector."),
                .flag(\.local, "local", help: "Update the objects of -f and print them; nothing is read from or written to the store."),
                .flag(\.all, "all", help: "Update every Deployment in the namespace."),
                .flag(\.overwrite, "overwrite", help: "Allow environment to be overwritten, otherwise reject updates that overwrite existing environment."),
                .option(\.dryRun, "dry-run", valueWhenBare: "unchanged", help: "none, client or server: only print what would be updated."),
                .option(\.output, "output", short: "o", help: "Print the updated objects: json, yaml, name, jsonpath=… or go-template=…."),
                .template(\.output),
            ],
            arguments: .list(\.arguments, "deployment/NAME KEY_1=VAL_1 ... KEY_N=VAL_N"),
            make: Env.init)
        var globals = GlobalOptions()
        var files = FilenameOption()
        var arguments: [String] = []
        var containers = "*"
        var env: [String] = []
        var from: String?
        var prefix: String?
        var keys: [String] = []
        var list = false
        var selector: String?
        var local = false
        var all = false
        var overwrite = true
        var dryRun = "none"
        var output: String?

        func run() throws {
            // set_env.go Complete, Validate, then RunEnv, each refusing what it checks in this order.
            if all && selector != nil { throw CommandError.client("cannot set --all and --selector at the same time") }
            let (resources, envArguments) = try Self.split(arguments)
            let strategy = try DryRunStrategy(flag: dryRun)
            var printer = try TypedOutput(output)
            if local && strategy == .server {
                throw CommandError.client("cannot specify --local and --dry-run=server - did you mean --dry-run=client?")
            }
            if files.filenames.isEmpty && resources.isEmpty {
                throw CommandError.client("one or more resources must be specified as <resource> <name> or <resource>/<name>")
            }
            if list && output != nil { throw CommandError.client("--list and --output may not be specified together") }
            let keyList = keys.flatMap { $0.split(separator: ",").map(String.init) }
            if !keyList.isEmpty && (from ?? "").isEmpty {
                throw CommandError.client("when specifying --keys, a configmap or secret must be provided with --from")
            }
            var changes = try EnvChanges(parsing: env + envArguments) { Self.standardInput() }
            if let from, !from.isEmpty { try Self.refuse(from: from) }
            if let prefix { changes.set = changes.set.map { (prefix + $0.name, $0.value) } }
            let edit = EnvEdit(changes: changes, pattern: containers, overwrite: overwrite, list: list)
            let mentioned = !env.isEmpty || !envArguments.isEmpty
            let objects = try local
                ? SetTargets.local(files: files, command: "set env")
                : SetTargets.stored(
                    resources, files: files, all: all, selector: selector, globals: globals, command: "set env")
            try update(
                objects, edit, plane: local ? nil : try globals.controlPlane(), strategy: strategy, printer: &printer,
                mentioned: mentioned)
        }

        /// `SplitEnvironmentFromResources`: resources first, then `KEY=VALUE` and `KEY-` arguments.
        static func split(_ arguments: [String]) throws -> (resources: [String], env: [String]) {
            var resources: [String] = [], env: [String] = []
            for argument in arguments {
                // `(.+)=(.*)`: an `=` after the first character.
                let isEnv = argument.dropFirst().contains("=") || argument.hasSuffix("-")
                if isEnv {
                    env.append(argument)
                } else if env.isEmpty {
                    resources.append(argument)
                } else {
                    throw CommandError.client(
                        "all resources must be specified before environment changes: \(arguments.joined(separator: " "))")
                }
            }
            return (resources, env)
        }

        /// `--from` names a ConfigMap or Secret; the store keeps Deployments and what they own, so the resource
        /// builder finds no such type, and an object of a type it has is not a source of variables.
        private static func refuse(from: String) throws {
            let type = String(from.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)[0])
            if (try? ResourceKind(parsing: type)) != nil {
                throw CommandError.client("unsupported resource specified in --from")
            }
            throw CommandError.client("the server doesn't have a resource type \"\(type)\"")
        }

        private static func standardInput() -> String? {
            String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        }

        /// RunEnv: every object is changed here first (printing `--list`), then each changed one is printed
        /// (`--local`, a client dry run) or patched, its answer printed. `plane` is nil for `--local`.
        private func update(
            _ objects: [(name: String, object: JSONValue)], _ edit: EnvEdit, plane: ControlPlane?,
            strategy: DryRunStrategy, printer: inout TypedOutput, mentioned: Bool
        ) throws {
            var changed: [(name: String, object: JSONValue)] = []
            var errors: [String] = []
            for (name, object) in objects {
                let result = edit.apply(to: object, name: name)
                if let problem = result.problem {
                    errors.append("error: \(SetTargets.isReplicaSet(object) ? "replicasets" : "deployments")/\(name) \(problem)")
                } else if let object = result.changed {
                    changed.append((name, object))
                }
            }
            // RunEnv returns after listing, before it looks at any object's error.
            if list { return }
            let operation = strategy.operation("env updated")
            for (name, object) in changed {
                let resource = SetTargets.resource(of: object, named: name)
                guard let plane, strategy != .client else {
                    Output.out(try printer.text(object, as: SetTargets.typed(object), resource: resource, operation: operation))
                    continue
                }
                let answer: JSONValue
                do {
                    answer = try SetTargets.send(
                        object, named: name, fields: ["containers", "initContainers"],
                        namespace: globals.resolvedNamespace.name,
                        plane: plane, dryRun: strategy == .server)
                } catch let error as CommandError {
                    errors.append("error: failed to patch env update to pod template: \(error.status?.message ?? error.text)")
                    continue
                }
                guard mentioned else { throw CommandError.client("at least one environment variable must be provided") }
                Output.out(try printer.text(answer, as: SetTargets.typed(object), resource: resource, operation: operation))
            }
            try Self.report(errors)
        }

        private static func report(_ errors: [String]) throws {
            guard !errors.isEmpty else { return }
            for text in errors { Output.err(text + "\n") }
            throw ExitCode(1)
        }
    }
}

/// One `set env` applied to one object's containers: the listing it prints, and the object it leaves.
struct EnvEdit {
    var changes: EnvChanges
    var pattern: String
    var overwrite: Bool
    var list: Bool

    struct Result {
        /// The object with its env changed, nil when nothing changed.
        var changed: JSONValue?
        /// `--overwrite=false` refused a change.
        var problem: String?
    }

    /// set_env.go (v1.32) selects among the containers, then the init containers, and changes or lists them in
    /// that order.
    func apply(to object: JSONValue, name: String) -> Result {
        let spec = object["spec"]?["template"]?["spec"]
        var lists = ["containers", "initContainers"].map { (key: $0, items: spec?[$0]?.arrayValue ?? []) }
        let selected = lists.map { list in
            list.items.indices.filter { ContainerPattern.matches(list.items[$0]["name"]?.stringValue ?? "", pattern) }
        }
        if selected.allSatisfy(\.isEmpty) {
            Output.err("Warning: \(Self.kind(of: object))/\(name) does not have any containers matching \"\(pattern)\"\n")
            return Result()
        }
        for list in lists.indices {
            for index in selected[list] {
                let existing = lists[list].items[index]["env"]?.arrayValue ?? []
                if !overwrite, let problem = changes.overwriteProblem(in: existing) { return Result(problem: problem) }
                let updated = changes.applied(to: existing)
                // Go's `omitempty`: an empty list is no list.
                lists[list].items[index]["env"] = updated.isEmpty ? nil : .array(updated)
                if self.list {
                    Output.out(Self.listing(Self.kind(of: object), name: name, container: lists[list].items[index]))
                }
            }
        }
        var changed = object
        for (key, items) in lists where spec?[key] != nil { changed["spec"]?["template"]?["spec"]?[key] = .array(items) }
        return Result(changed: changed == object ? nil : changed)
    }

    /// The object's kind as set_env.go names it: `Deployment` or `ReplicaSet`.
    private static func kind(of object: JSONValue) -> String { SetTargets.isReplicaSet(object) ? "ReplicaSet" : "Deployment" }

    /// `--list`: each variable as `NAME=VALUE`, or for a reference `# NAME from WHERE` (`GetEnvVarRefString`).
    static func listing(_ kind: String, name: String, container: JSONValue) -> String {
        var text = "# \(kind) \(name), container \(container["name"]?.stringValue ?? "")\n"
        for entry in container["env"]?.arrayValue ?? [] {
            let variable = entry["name"]?.stringValue ?? ""
            guard let source = entry["valueFrom"] else {
                text += "\(variable)=\(entry["value"]?.stringValue ?? "")\n"
                continue
            }
            text += "# \(variable) from \(reference(source))\n"
        }
        return text
    }

    private static func reference(_ source: JSONValue) -> String {
        func field(_ ref: String, _ key: String) -> String { source[ref]?[key]?.stringValue ?? "" }
        if source["configMapKeyRef"] != nil {
            return "configmap \(field("configMapKeyRef", "name")), key \(field("configMapKeyRef", "key"))"
        }
        if source["secretKeyRef"] != nil {
            return "secret \(field("secretKeyRef", "name")), key \(field("secretKeyRef", "key"))"
        }
        if source["fieldRef"] != nil { return "field path \(field("fieldRef", "fieldPath"))" }
        if source["resourceFieldRef"] != nil {
            let container = field("resourceFieldRef", "containerName")
            return "resource field \(container.isEmpty ? "" : container + "/")\(field("resourceFieldRef", "resource"))"
        }
        return "invalid env var reference"
    }
}
