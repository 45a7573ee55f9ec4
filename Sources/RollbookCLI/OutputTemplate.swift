import ControlPlane

/// The template-taking `-o` formats and kubectl's `--template` flag (cli-runtime's JSONPath, go-template and
/// custom-columns print flags).
enum OutputTemplate {
    /// Formats whose template is the text after `=` or, given bare, `--template`.
    static let templateFormats: Set<String> = [
        "jsonpath", "jsonpath-as-json", "jsonpath-file", "go-template", "template", "go-template-file", "templatefile",
    ]
    static let columnFormats: Set<String> = ["custom-columns", "custom-columns-file"]

    /// `-o FORMAT --template=T` is `-o FORMAT=T` for a bare FORMAT that takes a template or columns; `--template`
    /// alone is a go-template.
    static func folded(_ output: String?, template: String?) -> String? {
        guard let template, !template.isEmpty else { return output }
        guard let output else { return "go-template=" + template }
        return templateFormats.contains(output) || columnFormats.contains(output) ? output + "=" + template : output
    }

    /// `-o` and `--template` as given, refused as get_flags.go refuses them once the objects are read: a format
    /// with `=` and `--template` too matches no printer; a template format with neither has nothing to print.
    static func check(_ output: String?, template: String?) throws {
        guard let output else { return }
        let parts = output.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let format = String(parts[0]), value = parts.count > 1 ? String(parts[1]) : ""
        let takesTemplate = templateFormats.contains(format), takesColumns = columnFormats.contains(format)
        let templateGiven = !(template ?? "").isEmpty
        if templateGiven && parts.count > 1 && (takesTemplate || takesColumns) { throw unmatched(output) }
        guard value.isEmpty && !templateGiven else { return }
        if takesTemplate { throw CommandError.client("template format specified but no template given") }
        if takesColumns { throw CommandError.client("custom-columns format specified but no custom columns given") }
    }

    /// get_flags.go's answer to an `-o` no printer takes.
    static func unmatched(_ output: String) -> CommandError {
        CommandError.client(
            "unable to match a printer suitable for the output format \"\(output)\", allowed formats are: "
                + "custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,"
                + "jsonpath-file,name,template,templatefile,wide,yaml")
    }
}
