import ControlPlane
import KubeModel
import Manifests
import Printers

/// `-o` on the commands that print a Go object they built, changed or read back (`create --dry-run=client`,
/// `set image`, `rollout history`): kubectl's PrintFlags over typed objects. One printer per command, since the YAML
/// printer separates the objects after the first with `---`.
struct TypedOutput {
    private enum Format {
        case name, json, yaml
        case jsonPath(ObjectListing.JSONPathOutput)
        case goTemplate(GoTemplate)
    }

    /// nil: no `-o`, the name printer with the command's operation.
    private let format: Format?
    private var printed = 0

    /// Refuses an unsupported format before anything else is done, as kubectl builds its printer first.
    init(_ flag: String?) throws {
        switch flag {
        case nil: format = nil
        case "name": format = .name
        case "json": format = .json
        case "yaml": format = .yaml
        case let flag?:
            if let template = try TemplateOutput.template(flag) {
                format = .goTemplate(template)
                return
            }
            guard let template = try ObjectListing.jsonPath(flag) else {
                throw CommandError.client(
                    "unable to match a printer suitable for the output format \"\(flag)\", allowed formats are: "
                        + "go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,"
                        + "templatefile,yaml")
            }
            format = .jsonPath(template)
        }
    }

    /// Whether the object itself is printed (json, yaml, jsonpath) rather than a name line.
    var printsObjects: Bool {
        switch format {
        case nil, .name?: false
        default: true
        }
    }

    /// The text for one object: `resource` is `deployment.apps/NAME`; `operation` is what the name printer adds
    /// without `-o` (`image updated (dry run)`). `type` nil prints the object as the server's JSON (sorted keys).
    mutating func text(
        _ object: @autoclosure () -> JSONValue, as type: TypedObject?, resource: String, operation: String
    ) throws -> String {
        printed += 1
        switch format {
        case nil: return nameLine(resource: resource, operation: operation)
        case .name?: return nameLine(resource: resource, operation: "")
        case .json?: return type?.json(object()) ?? ObjectPrinter.json(object())
        default: break
        }
        let value = type?.completed(object()) ?? object()
        switch format {
        case .jsonPath(let template)?: return try ObjectListing.renderJSONPath(template, value)
        case .goTemplate(let template)?: return try TemplateOutput.render(template, value, as: type)
        default: return (printed > 1 ? "---\n" : "") + ObjectPrinter.yaml(value)
        }
    }
}
