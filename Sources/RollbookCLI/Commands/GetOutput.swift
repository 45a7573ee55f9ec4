import KubeModel
import Manifests

/// `get -o`, read once: a template or columns file is read and parsed a single time for all kinds.
enum GetOutput {
    case table(wide: Bool)
    case name, yaml, json
    case jsonPath(ObjectListing.JSONPathOutput)
    case customColumns(String)
    case template(GoTemplate)

    /// nil for a format `get` does not know; throws kubectl's error for a file it cannot read or a template that
    /// does not parse.
    init?(_ output: String?) throws {
        switch output {
        case nil: self = .table(wide: false)
        case "wide": self = .table(wide: true)
        case "name": self = .name
        case "yaml": self = .yaml
        case "json": self = .json
        case let output?:
            if let path = try ObjectListing.jsonPath(output) {
                self = .jsonPath(path)
            } else if let spec = try CustomColumns.spec(output) {
                self = .customColumns(spec)
            } else if let template = try TemplateOutput.template(output) {
                self = .template(template)
            } else {
                return nil
            }
        }
    }

    /// kubectl's human-readable printer: only it says "No resources found" for an empty listing (the others print
    /// an empty List, a bare header, or nothing).
    var isTable: Bool { if case .table = self { true } else { false } }

    /// Whether the output shows the objects' fields (so `--show-managed-fields` has something to show).
    var printsObjects: Bool { printsOneList }

    /// Whether a listing of several kinds prints one `List` of all the objects (custom columns: one table of its
    /// items, under one header) rather than a table per kind.
    var printsOneList: Bool {
        switch self {
        case .yaml, .json, .jsonPath, .template, .customColumns: true
        case .table, .name: false
        }
    }
}

extension ObjectListing {
    /// One object, or a `List`, in a format that prints objects.
    static func printed(_ value: JSONValue, as output: GetOutput) throws -> String {
        switch output {
        case .yaml: return ObjectPrinter.yaml(value)
        case .jsonPath(let path): return try renderJSONPath(path, value)
        case .template(let template): return try TemplateOutput.render(template, value)
        default: return ObjectPrinter.json(value)
        }
    }
}
