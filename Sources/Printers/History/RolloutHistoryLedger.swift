/// One row of `rollout history --all`, already in words.
public struct RolloutLedgerRow: Sendable, Hashable {
    public var revision: Int
    public var replicaSet: String
    public var images: String
    /// RFC 3339, so two rows compare at a glance and paste into `--at`.
    public var when: String
    public var who: String
    public var how: String
    public var state: String
    public var changeCause: String?

    public init(
        revision: Int, replicaSet: String, images: String, when: String, who: String, how: String, state: String,
        changeCause: String?
    ) {
        self.revision = revision
        self.replicaSet = replicaSet
        self.images = images
        self.when = when
        self.who = who
        self.how = how
        self.state = state
        self.changeCause = changeCause
    }
}

/// `rollout history --all`: kubectl's history layout (the name line with its trailing space, a table
/// aligned as `rollout history` aligns it, a blank line), widened to the whole ledger.
///
/// ```
/// deployment.apps/web 
/// REVISION  REPLICASET       IMAGES      WHEN                  WHO    HOW        STATE            CHANGE-CAUSE
/// 1         web-5d8b4c9f7c   web:1.0     2026-11-26T15:00:10Z  alice  apply      renumbered to 3  <none>
/// 2         web-6f9d7b8c5d   web:2.0     2026-11-26T15:00:20Z  bob    set image  kept             <none>
/// 3         web-5d8b4c9f7c   web:1.0     2026-11-26T15:00:30Z  carol  undo       current          <none>
///
/// ```
///
/// Rows stay in the order the numbers were assigned, so a renumbered ReplicaSet appears once per number
/// it held, and a Deployment deleted and created again shows its earlier revisions first. CHANGE-CAUSE is
/// last because it is free text; a missing one prints `<none>`, as in kubectl.
public func rolloutHistoryLedger(resource: String, rows: [RolloutLedgerRow]) -> String {
    guard !rows.isEmpty else { return nameLine(resource: resource, operation: "\nNo rollout history found.") }
    var writer = TabWriter.describe
    writer.write("REVISION\tREPLICASET\tIMAGES\tWHEN\tWHO\tHOW\tSTATE\tCHANGE-CAUSE\n")
    for row in rows {
        let cause = row.changeCause.flatMap { $0.isEmpty ? nil : $0 } ?? "<none>"
        let cells = [String(row.revision), row.replicaSet, row.images, row.when, row.who, row.how, row.state, cause]
        writer.write(cells.joined(separator: "\t") + "\n")
    }
    return nameLine(resource: resource, operation: "\n" + writer.finish())
}
