import ControlPlane
import Foundation
import KubeModel
import Manifests
import Printers
import Store

extension Get {
    /// `get -w`: the listing (unless `--watch-only`), then every change after it, read from the log as it grows,
    /// one object per line as kubectl prints a watch. Each poll lets simulated time catch up first, as any read
    /// does, so a rollout moves on while it is watched. Ends after `--request-timeout` (never for `0`).
    func runWatch(_ request: ResourceArguments, format: GetOutput, query: LabelQuery?, fields: FieldQuery?) throws {
        guard pointInTime.at == nil else {
            throw CommandError.client("--watch cannot be combined with --at: the past does not change")
        }
        // clientcmd.ParseTimeout: whole seconds, or a Go duration.
        guard let limit = Int(requestTimeout).flatMap({ $0 >= 0 ? TimeInterval($0) : nil }) ?? Duration.parse(requestTimeout)
        else {
            throw CommandError.client(
                "Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)")
        }
        let namespace = allNamespaces ? nil : globals.resolvedNamespace.name
        var printer = WatchPrinter(kind: request.kind, format: format, showNamespace: allNamespaces, options: tableOptions)
        let wanted: (ObjectListing.Object) -> Bool = { object in
            (request.names.isEmpty || request.names.contains(object.name)) && (query?.matches(object.labels) ?? true)
                && (fields?.matches(object.json) ?? true)
        }
        let plane = try globals.controlPlane()
        // The head first: a change between it and the listing is printed twice, never lost.
        let head = try plane.read { try $0.headSequence() }
        let listing = try ObjectListing.fetch(
            .live(plane), kind: request.kind, namespace: namespace, names: request.names, query: nil, output: "json")
        if let missing = listing.missing.first { throw missing }
        if !watchOnly { try printer.print(listing.objects.filter(wanted), now: plane.now, listing: true) }
        // kubectl lists several named objects, then refuses to watch them; objects from files it counts.
        if !files.filenames.isEmpty && listing.objects.count != 1 {
            throw CommandError.client(
                "watch is only supported on individual resources and resource collections - "
                    + "\(listing.objects.count) resources were found")
        }
        if request.names.count > 1 {
            throw CommandError.client("you may only watch a single resource or type of resource at a time")
        }
        var feed = ChangeFeed(store: plane.store, resource: request.kind.watched, namespace: namespace, after: head)
        let started = Date()
        while limit == 0 || Date().timeIntervalSince(started) < limit {
            // The same store each time, at the clock's time now: the read lets simulated time catch up.
            let poll = try globals.controlPlane(on: plane.store)
            let head = try poll.read { try $0.headSequence() }
            while feed.position < head {
                try printer.print(try feed.next().map(\.object).filter(wanted), now: poll.now, listing: false)
            }
            Thread.sleep(forTimeInterval: min(0.2, max(0.01, limit == 0 ? 0.2 : limit - Date().timeIntervalSince(started))))
        }
    }
}

/// Prints a watch as kubectl does: the header once, with the first lines; a table's or custom columns' later lines
/// aligned with all the lines before them (``WatchAlignment``); YAML documents after the first start with `---`.
struct WatchPrinter {
    let kind: ResourceKind
    let format: GetOutput
    let showNamespace: Bool
    var options: TableOptions
    private let alignment = WatchAlignment()
    private var printed = 0

    init(kind: ResourceKind, format: GetOutput, showNamespace: Bool, options: TableOptions) {
        self.kind = kind
        self.format = format
        self.showNamespace = showNamespace
        self.options = options
    }

    /// - Parameter listing: The objects are the listing, which prints as one table; every later object is an
    ///   event of its own, flushed alone.
    mutating func print(_ objects: [ObjectListing.Object], now: Timestamp, listing: Bool) throws {
        guard !objects.isEmpty else { return }
        switch format {
        case .table, .customColumns:
            // kubectl's watch writes every event into one tab writer that remembers its widths.
            for batch in listing ? [objects] : objects.map({ [$0] }) {
                Output.out(try ObjectListing(objects: batch, missing: []).render(
                    kind: kind, output: format, showNamespace: showNamespace, now: now, singleObject: false,
                    options: options, watch: alignment))
                options.noHeaders = true
            }
            return
        default:
            break
        }
        for object in objects {
            if case .yaml = format, printed > 0 { Output.out("---\n") }
            Output.out(try ObjectListing(objects: [object], missing: []).render(
                kind: kind, output: format, showNamespace: showNamespace, now: now, singleObject: true,
                options: options))
            printed += 1
        }
    }
}

extension ResourceKind {
    var watched: WatchedResource {
        switch self {
        case .deployment: .deployments
        case .replicaSet: .replicaSets
        case .pod: .pods
        case .event: .events
        case .resourceQuota: .resourceQuotas
        }
    }
}
