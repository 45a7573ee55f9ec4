import ControlPlane

/// The template-taking `-o` formats and kubectl's `--template` flag (cli-runtime's JSONPath, go-template and
/// custom-columns print flags).
enum OutputTemplate {
    /// Formats whose template is the text after `=` or, failing that, `--template`.
    static let templateFormats = [
        "jsonpath", "jsonpath-as-json", "jsonpath-file", "go-template", "template", "go-template-file", "templatefile",
    ]

    /// `-o FORMAT --template=T` is `-o FORMAT=T`; `--template` alone is a go-template.
    static func folded(_ output: String?, template: String?) -> String? {
        guard let template, !template.isEmpty else { return output }
        guard let output else { return "go-template=" + template }
        let format = output.hasSuffix("=") ? String(output.dropLast()) : output
        return templateFormats.contains(format) ? format + "=" + template : output
    }

    /// A template format with no template, bare or followed by an empty `=`, is refused before anything is read.
    static func check(_ output: String?) throws {
        guard let output else { return }
        let format = output.hasSuffix("=") ? String(output.dropLast()) : output
        if templateFormats.contains(format) {
            throw CommandError.client("template format specified but no template given")
        }
        if format == "custom-columns" || format == "custom-columns-file" {
            throw CommandError.client("custom-columns format specified but no custom columns given")
        }
    }
}
