import ControlPlane
import KubeModel
import Manifests

extension Create {
    /// `create quota NAME [--hard=key1=value1,…] [--scopes=Scope1,…]` (create_quota.go).
    struct Quota: RunnableCommand {
        static let spec = CommandSpec<Quota>(
            "quota", abstract: "Create a quota with the specified name.",
            options: GlobalOptions.options(in: \.globals)
                + [
                .option(\.hard, "hard", help: "A comma-delimited set of resource=quantity pairs that define a hard limit."),
                .option(\.scopes, "scopes", help: "A comma-delimited set of quota scopes that must all match each object tracked by the quota."),
                .option(\.dryRun, "dry-run", valueWhenBare: "unchanged", help: "none, client (print, create nothing) or server."),
                .option(\.output, "output", short: "o", help: "Print the created object: json, yaml, name, jsonpath=… or go-template=…."),
                .template(\.output),
                .flag(\.saveConfig, "save-config", help: "Record the object's configuration in its last-applied annotation, for apply."),
                .option(\.validate, "validate", valueWhenBare: "strict", help: ValidateFlag.help),
            ],
            arguments: .name(\.name),
            make: Quota.init)
        var globals = GlobalOptions()
        var name = ""
        var hard = ""
        var scopes = ""
        var dryRun = "none"
        var output: String?
        var saveConfig = false
        var validate = "strict"

        func run() throws {
            _ = try ValidateFlag.directive(validate)
            let strategy = try DryRunStrategy(flag: dryRun)
            let namespace = globals.resolvedNamespace
            var printer = try TypedOutput(output)
            var quota = ResourceQuota(
                metadata: ObjectMeta(name: name, namespace: namespace.given ? namespace.name : nil),
                spec: ResourceQuotaSpec(hard: try Self.hardLimits(hard), scopes: try Self.scopes(scopes)))
            var object = TypedObject.resourceQuota.completed(try JSONValue(encoding: quota))
            if saveConfig {
                let configuration = TypedObject.resourceQuota.compactJSON(object)
                quota.metadata[annotation: AnnotationKey.lastApplied] = configuration
                object["metadata"]?["annotations"] = .object([AnnotationKey.lastApplied: .string(configuration)])
            }
            if strategy != .client {
                do {
                    let created = try globals.controlPlane().createQuota(
                        quota, namespace: namespace.name, dryRun: strategy == .server)
                    object = ObjectListing.Object.resourceQuota(created).json
                } catch let error as CommandError {
                    // The typed client's error, wrapped by create_quota.go.
                    guard let status = error.status else { throw error }
                    throw CommandError.client("failed to create quota: \(status.message)")
                }
            }
            Output.out(try printer.text(
                object, as: .resourceQuota, resource: "resourcequota/\(name)", operation: strategy.operation("created")))
        }

        /// `populateResourceListV1`: `name=quantity` pairs, comma-separated.
        static func hardLimits(_ text: String) throws -> [String: String]? {
            guard !text.isEmpty else { return nil }
            var limits: [String: String] = [:]
            for statement in text.split(separator: ",", omittingEmptySubsequences: false) {
                let parts = statement.split(separator: "=", omittingEmptySubsequences: false)
                guard parts.count == 2 else {
                    throw CommandError.client("Invalid argument syntax \(statement), expected <resource>=<value>")
                }
                guard let quantity = Quantity(parsing: String(parts[1])) else {
                    throw CommandError.client(Quantity.unmarshalError(.string(String(parts[1])))
                        ?? "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")
                }
                limits[String(parts[0])] = quantity.description
            }
            return limits
        }

        /// `parseScopes`: the API server checks the names; an empty one is refused here.
        static func scopes(_ text: String) throws -> [String]? {
            guard !text.isEmpty else { return nil }
            let scopes = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if scopes.contains("") { throw CommandError.client("invalid resource quota scope \"\"") }
            return scopes
        }
    }
}
