import ControlPlane
import Foundation
import KubeModel
import Manifests

/// `kubectl edit TYPE NAME…` (pkg/cmd/util/editor editoptions.go): the objects, as `get -o yaml` (or `-o json`)
/// prints them under kubectl's comment header, opened in `$KUBE_EDITOR`, `$EDITOR` or `vi`; each object the editor
/// changed is sent back as a strategic merge patch (`kubectl-edit` is its field manager). An object the server
/// refuses reopens the editor with the reasons on top; saving it unchanged gives up.
struct Edit: RunnableCommand {
    static let spec = CommandSpec<Edit>(
        "edit", abstract: "Edit Deployments, ReplicaSets or Pods in your editor ($KUBE_EDITOR, $EDITOR, or vi).",
        options: GlobalOptions.options(in: \.globals) + [
            .option(\.output, "output", short: "o", help: "The format to edit in, and to print the edited objects in: yaml or json."),
            .flag(\.outputPatch, "output-patch", help: "Print the patch sent for each edited object."),
            .option(\.validate, "validate", valueWhenBare: "strict", help: ValidateFlag.help),
        ],
        arguments: .list(\.resource, "TYPE/NAME or TYPE NAME (deployment, replicaset or pod)"),
        make: Edit.init)
    var globals = GlobalOptions()
    var resource: [String] = []
    /// nil edits YAML and prints a name line per object; given, both the file and the result are in that format.
    var output: String?
    var outputPatch = false
    var validate = "strict"

    static let header = """
        # Please edit the object below. Lines beginning with a '#' will be ignored,
        # and an empty file will abort the edit. If an error occurs while saving this file will be
        # reopened with the relevant failures.
        #

        """

    func run() throws {
        let validation = try ValidateFlag.directive(validate)
        let plane = try globals.controlPlane()
        let objects = try originals(plane)
        guard output == nil || output == "yaml" || output == "json" else {
            throw CommandError.client("unable to match a printer suitable for the output format \(goQuoted(output ?? "")), "
                + "allowed formats are: json,yaml")
        }
        if objects.isEmpty { throw CommandError.client("edit cancelled, no objects found") }
        var session = EditSession(objects: objects, json: output == "json", outputPatch: outputPatch,
                                  validates: validation != .ignore, format: output,
                                  namespace: globals.resolvedNamespace.name, plane: plane)
        try session.run()
    }

    /// The objects named, as they are stored; a missing one fails the command before anything is edited.
    private func originals(_ plane: ControlPlane) throws -> [EditSession.Original] {
        let namespace = globals.resolvedNamespace.name
        // A type alone edits every object of it in the namespace (the builder allows an empty selector here).
        let groups = try ResourceArguments.groups(resource, whenEmpty: .argumentOrFilename, selecting: true)
        var objects: [EditSession.Original] = []
        for group in groups {
            let targets = try DeploymentTargets(
                [group.kind.pluralName] + group.names, selector: nil, namespace: namespace, in: plane,
                accepting: [.replicaSet, .pod, .resourceQuota])
            for name in group.names.isEmpty ? targets.names : group.names {
                guard !targets.missing.contains(name), let live = try targets.live(name, namespace: namespace, plane: plane)
                else { throw CommandError.notFound(targets.kind.resource, name) }
                objects.append(EditSession.Original(name: name, targets: targets, json: live.json))
            }
        }
        return objects
    }
}
