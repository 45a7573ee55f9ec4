import ControlPlane
import Foundation
import KubeModel
import Manifests

/// One `kubectl edit` loop (editoptions.go `editFn`): edit, compare, patch; reopen on refusals.
struct EditSession {
    struct Original {
        var name: String
        var targets: DeploymentTargets
        var json: JSONValue

        var resource: String { targets.kind.resource }
        var uid: String? { json["metadata"]?["uid"]?.stringValue }
    }

    /// Why the file is reopened: a head line, and the server's causes under it.
    private struct Reason {
        var head: String
        var causes: [String] = []
    }

    var objects: [Original]
    let json: Bool
    let outputPatch: Bool
    /// Client-side validation (`--validate`, on by default): the saved file must hold objects with a kind.
    let validates: Bool
    /// `-o`: print each result in that format (a printer of its own each, so no `---` between them).
    let format: String?
    let namespace: String
    let plane: ControlPlane

    private let editor = Editor()

    mutating func run() throws {
        var reasons: [Reason] = []
        var edited = ""
        var lastFile = ""
        var failed = false
        let original = render()
        while true {
            // JSON has no comments: kubectl writes neither the header nor the reasons then.
            let buffer = (json ? "" : Self.header(reasons)) + (failed ? Self.stripComments(edited) : original)
            let previous = edited
            let prefix = "\((CommandLine.arguments.first.map { ($0 as NSString).lastPathComponent }) ?? "rollbook")-edit-"
            let result = editor.edit(buffer, prefix: prefix, suffix: json ? ".json" : ".yaml")
            guard let text = result.text else { throw preserved(.client(result.error ?? ""), lastFile) }
            edited = text
            if failed && Self.content(previous) == Self.content(edited) {
                throw preserved(.client("Edit cancelled, no valid changes were saved."), result.path)
            }
            if !lastFile.isEmpty { try? FileManager.default.removeItem(atPath: lastFile) }
            if validates, let problem = Self.validationProblem(edited) {
                // editoptions.go reports it as the first object's Invalid error, and edits the file again.
                let first = objects[0]
                let named = "\(first.resource) \(goQuoted(first.name))"
                Output.err("error: \(named) is invalid\n")
                reasons = [Reason(head: "\(named) was not valid",
                                  causes: ["<nil>: Invalid value: \"The edited file failed validation\": \(problem)"])]
                lastFile = result.path
                failed = true
                continue
            }
            if Self.content(original) == Self.content(edited) {
                try? FileManager.default.removeItem(atPath: result.path)
                return Output.err("Edit cancelled, no changes made.\n")
            }
            let hasLines = Self.lines(edited).contains { line in
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                return !trimmed.isEmpty && !trimmed.hasPrefix("#")
            }
            if !hasLines {
                try? FileManager.default.removeItem(atPath: result.path)
                return Output.err("Edit cancelled, saved file was empty.\n")
            }
            lastFile = result.path
            reasons = []
            let items: [JSONValue]
            do {
                items = try Self.items(edited)
            } catch {
                failed = true
                reasons = [Reason(head: "The edited file had a syntax error: \(error.message)")]
                continue
            }
            var outcome = Outcome()
            try patch(items, file: result.path, outcome: &outcome, reasons: &reasons)
            if outcome.retryable > 0 {
                Output.err("You can run `rollbook replace -f \(result.path)` to try this update again.\n")
                throw ExitCode(1)
            }
            if outcome.notFound > 0 {
                Output.err("The edits you made on deleted resources have been saved to \(goQuoted(result.path))\n")
                throw ExitCode(1)
            }
            if reasons.isEmpty {
                try? FileManager.default.removeItem(atPath: result.path)
                return
            }
            failed = true
        }
    }

    private struct Outcome {
        var retryable = 0
        var notFound = 0
    }

    /// `visitToPatch`: each edited object against the original of the same UID; unchanged ones are skipped.
    private func patch(_ edited: [JSONValue], file: String, outcome: inout Outcome, reasons: inout [Reason]) throws {
        // `RequireNamespace`: an object without a namespace is the command's; another namespace is refused here.
        var items: [JSONValue] = []
        for var item in edited {
            let given = item["metadata"]?["namespace"]?.stringValue ?? ""
            if given.isEmpty {
                item["metadata"]?["namespace"] = .string(namespace)
            } else if given != namespace {
                throw preserved(.client("the namespace from the provided object \(goQuoted(given)) does not match the "
                    + "namespace \(goQuoted(namespace)). You must pass '--namespace=\(given)' to perform this operation."), file)
            }
            items.append(item)
        }
        for var item in items {
            guard let original = objects.first(where: { $0.uid != nil && $0.uid == item["metadata"]?["uid"]?.stringValue })
            else {
                throw preserved(.client("no original object found for \(item["kind"]?.stringValue ?? "")/"
                    + "\(item["metadata"]?["name"]?.stringValue ?? "")"), file)
            }
            // restoreManagedFields: the edited objects carry the originals' managed fields, whatever the file says.
            item["metadata"]?["managedFields"] = original.json["metadata"]?["managedFields"]
            let resource = "\(original.targets.kind.qualifiedKind)/\(original.name)"
            if item == original.json {
                var printer = try TypedOutput(format)
                Output.out(try printer.text(item, as: nil, resource: resource, operation: "skipped"))
                continue
            }
            let unchanged = ["apiVersion", "kind"].allSatisfy { item[$0] == original.json[$0] }
                && item["metadata"]?["name"] == original.json["metadata"]?["name"]
                && item["metadata"]?["managedFields"] == original.json["metadata"]?["managedFields"]
            guard unchanged else { throw preserved(.client("At least one of apiVersion, kind and name was changed"), file) }
            let body = TwoWayPatch.create(from: original.json, to: item)
            if outputPatch { Output.out("Patch: \(ObjectPrinter.compactJSON(body))\n") }
            do {
                let patched = try original.targets.patch(
                    original.name, namespace: namespace, patch: .strategicMerge(body), dryRun: false, plane: plane)
                var printer = try TypedOutput(format)
                Output.out(try printer.text(patched.json, as: nil, resource: resource, operation: "edited"))
            } catch let error as CommandError {
                Output.err(record(error, of: original, outcome: &outcome, reasons: &reasons) + "\n")
            }
        }
    }

    /// `editResults.addError`: an invalid object is edited again, a missing one saved, anything else retried by hand.
    private func record(_ error: CommandError, of original: Original, outcome: inout Outcome, reasons: inout [Reason])
        -> String
    {
        let named = "\(original.resource) \(goQuoted(original.name))"
        switch error.status?.reason {
        case "Invalid":
            reasons.append(Reason(head: "\(named) was not valid", causes: error.status?.causes.map(\.message) ?? []))
            return "error: \(named) is invalid"
        case "NotFound":
            outcome.notFound += 1
            return "error: \(named) could not be found on the server"
        default:
            outcome.retryable += 1
            return "error: \(named) could not be patched: \(error.status?.message ?? error.text)"
        }
    }

    /// The objects as `get -o yaml|json` prints them; several as a `List`.
    private func render() -> String {
        let value: JSONValue = objects.count == 1
            ? objects[0].json
            : .object(["apiVersion": .string("v1"), "items": .array(objects.map(\.json)), "kind": .string("List"),
                       "metadata": .object([:])])
        return json ? ObjectPrinter.json(value) : ObjectPrinter.yaml(value)
    }

    /// The header, and each reason with its causes, every line a comment.
    private static func header(_ reasons: [Reason]) -> String {
        var text = Edit.header
        for reason in reasons {
            text += "# \(commented(reason.head))\(reason.causes.isEmpty ? "" : ":")\n"
            for cause in reason.causes { text += "# * \(commented(cause))\n" }
            text += "#\n"
        }
        return text
    }

    /// `hashOnLineBreak`: a message's later lines stay comments.
    private static func commented(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: "\n# ")
    }

    /// `ManualStrip`: the file without its comment lines (`#!` lines stay).
    static func stripComments(_ text: String) -> String {
        lines(text).filter { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return !trimmed.hasPrefix("#") || trimmed.hasPrefix("#!")
        }.joined(separator: "\n")
    }

    /// The lines of a file, `\n` or `\r\n` ended (Swift takes `\r\n` as one character, which `\n` does not split).
    static func lines(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    }

    /// `paramVerifyingSchema.ValidateBytes` of the file without comments: it must read as YAML (go-yaml's message,
    /// with lines counted without the comments) and be an object with an `apiVersion` and a `kind`.
    private static func validationProblem(_ text: String) -> String? {
        let value: JSONValue
        do {
            value = try YAMLText.json(stripComments(text))
        } catch {
            let prefix = "error converting YAML to JSON: "
            return error.message.hasPrefix(prefix) ? String(error.message.dropFirst(prefix.count)) : error.message
        }
        guard case .object(let fields) = value else { return "invalid object to validate" }
        var problems: [String] = []
        if fields["apiVersion"] == nil || fields["apiVersion"] == .null { problems.append("apiVersion not set") }
        else if fields["apiVersion"]?.stringValue == nil { problems.append("apiVersion isn't string type") }
        if fields["kind"] == nil || fields["kind"] == .null { problems.append("kind not set") }
        else if fields["kind"]?.stringValue == nil { problems.append("kind isn't string type") }
        if problems.isEmpty { return nil }
        return problems.count == 1 ? problems[0] : "[" + problems.joined(separator: ", ") + "]"
    }

    /// `StripComments`: the file read as YAML (comments and layout aside), or its lines without comments when it does
    /// not read.
    private static func content(_ text: String) -> String {
        (try? YAMLText.json(text)).map { ObjectPrinter.compactJSON($0) } ?? stripComments(text)
    }

    /// The edited objects: each document's object, or a List's items.
    private static func items(_ text: String) throws(ManifestError) -> [JSONValue] {
        try YAMLText.documents(text).flatMap { value in
            value["kind"]?.stringValue == "List" ? value["items"]?.arrayValue ?? [] : [value]
        }
    }

    /// `preservedFile`: says where the edited text is kept, then fails with `error`.
    private func preserved(_ error: CommandError, _ path: String) -> CommandError {
        if !path.isEmpty, FileManager.default.fileExists(atPath: path) {
            Output.err("A copy of your changes has been stored to \(goQuoted(path))\n")
        }
        return error
    }
}
