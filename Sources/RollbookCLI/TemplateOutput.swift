import ControlPlane
import Foundation
import KubeModel
import Manifests

/// `-o go-template=…`, `-o template=…`, `-o go-template-file=PATH` and `-o templatefile=PATH`.
enum TemplateOutput {
    /// The template an `-o` value names, nil for any other output; kubectl's error for one that does not parse.
    static func template(_ output: String?) throws -> GoTemplate? {
        guard let output else { return nil }
        let text: String
        if let inline = ["go-template=", "template="].first(where: output.hasPrefix) {
            text = String(output.dropFirst(inline.count))
        } else if let file = ["go-template-file=", "templatefile="].first(where: output.hasPrefix) {
            text = try Self.file(String(output.dropFirst(file.count)))
        } else {
            return nil
        }
        do {
            return try GoTemplate(text)
        } catch {
            throw CommandError.client("error parsing template \(text), \(error.message)")
        }
    }

    /// The text of a `-o …-file=PATH` template, or kubectl's error for a file it cannot read.
    static func file(_ path: String, flag: String = "--template") throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandError.client("error reading \(flag) \(path), open \(path): no such file or directory")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The template's text for `value`. When executing fails, kubectl prints what was written so far and a report
    /// on stdout, then the error.
    static func render(_ template: GoTemplate, _ value: JSONValue, as type: TypedObject? = nil) throws -> String {
        var out = ""
        do {
            try template.execute(value, into: &out)
            return out
        } catch {
            Output.out(out + template.failureReport(error, root: value, raw: ObjectPrinter.compactJSON(value, as: type)))
            throw CommandError.client("error executing template \(goQuoted(template.source)): \(error.message)")
        }
    }
}
