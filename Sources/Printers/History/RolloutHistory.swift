public import KubeModel

/// `kubectl rollout history`: the name line (with its trailing space), then a `REVISION
/// CHANGE-CAUSE` table and a blank line; `No rollout history found.` when there is no ReplicaSet.
///
/// - Parameters:
///   - resource: `kind.group/name`, e.g. `deployment.apps/web`.
///   - rows: One row per ReplicaSet; sorted by revision here, and a repeated revision keeps its
///     last row, as kubectl's map does. A missing or empty change-cause prints `<none>`.
public func rolloutHistory(resource: String, rows: [(revision: Int, changeCause: String?)]) -> String {
    guard !rows.isEmpty else { return nameLine(resource: resource, operation: "\nNo rollout history found.") }
    var causes: [Int: String?] = [:]
    for row in rows { causes[row.revision] = row.changeCause }
    var writer = TabWriter.describe
    writer.write("REVISION\tCHANGE-CAUSE\n")
    for revision in causes.keys.sorted() {
        let cause = causes[revision].flatMap { $0 }.flatMap { $0.isEmpty ? nil : $0 } ?? "<none>"
        writer.write("\(revision)\t\(cause)\n")
    }
    return nameLine(resource: resource, operation: "\n" + writer.finish())
}

/// `kubectl rollout history --revision=N`: the revision's pod template as `DescribePodTemplate`
/// prints it to a plain buffer, so real TABs remain.
///
/// - Parameters:
///   - resource: `kind.group/name`, e.g. `deployment.apps/web`.
///   - revision: The revision shown in the first line.
///   - template: The ReplicaSet's pod template.
///   - changeCause: The ReplicaSet's change-cause, shown among the template's annotations.
public func rolloutHistoryRevision(
    resource: String, revision: Int, template: PodTemplateSpec, changeCause: String? = nil
) -> String {
    var template = template
    if let changeCause, !changeCause.isEmpty {
        template.metadata.annotations = (template.metadata.annotations ?? [:])
            .merging([AnnotationKey.changeCause: changeCause]) { $1 }
    }
    return nameLine(resource: resource, operation: "with revision #\(revision)\n" + describePodTemplate(template))
}
