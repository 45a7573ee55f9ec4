import ControlPlane
import KubeModel
import Printers

/// `meta.k8s.io/v1` `Table` answers: the columns and cells of the CLI's own `get` tables (``TableRows``),
/// so `kubectl get` against `rollbook serve` prints what `rollbook get` prints.
enum ServerTable {
    /// The Table version an `Accept` header asks for (`v1` preferred), or nil for a plain object.
    static func requestedVersion(_ accept: String?) -> String? {
        guard let accept else { return nil }
        var versions: [String] = []
        for range in accept.split(separator: ",") {
            let parameters = range.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parameters.contains("as=Table"), parameters.contains("g=meta.k8s.io") else { continue }
            if let version = parameters.first(where: { $0.hasPrefix("v=") }) { versions.append(String(version.dropFirst(2))) }
        }
        if versions.contains("v1") { return "v1" }
        return versions.first
    }

    static func columns(of resource: ServedResource) -> [TableColumn]? {
        switch resource.name {
        case "deployments": TableRows.deploymentColumns
        case "replicasets": TableRows.replicaSetColumns
        case "pods": TableRows.podColumns
        case "resourcequotas": TableRows.resourceQuotaColumns
        case "events": TableRows.eventColumns
        default: nil
        }
    }

    static func cells(_ object: WatchedObject, now: Timestamp) -> [String]? {
        switch object {
        case .deployment(let deployment): TableRows.deployment(deployment, now: now)
        case .replicaSet(let replicaSet): TableRows.replicaSet(replicaSet, now: now)
        case .pod(let pod): TableRows.pod(pod, now: now)
        case .event(let event): TableRows.event(event, now: now)
        case .resourceQuota(let quota): TableRows.resourceQuota(quota, now: now)
        }
    }

    /// The Table of `objects`, or nil when the resource has no table printer (kubectl then prints
    /// NAME and AGE from the plain list).
    /// `includeObject` is the request's: `None`, `Object` (the whole object, which `kubectl get --sort-by`
    /// sorts rows by) or, by default, `Metadata`.
    static func table(
        _ resource: ServedResource, _ objects: [WatchedObject], now: Timestamp, resourceVersion: Int64, version: String,
        includeObject: String? = nil
    ) -> JSONValue? {
        guard let columns = columns(of: resource) else { return nil }
        let definitions = columns.map { column -> JSONValue in
            .object([
                "name": .string(column.name), "type": .string(column.type), "format": .string(column.format),
                "description": .string(column.description), "priority": .int(column.priority),
            ])
        }
        let rows = objects.compactMap { object -> JSONValue? in
            guard let cells = cells(object, now: now) else { return nil }
            let typed = zip(columns, cells).map { column, cell -> JSONValue in
                column.type == "integer" ? Int(cell).map(JSONValue.int) ?? .string(cell) : .string(cell)
            }
            var row: [String: JSONValue] = ["cells": .array(typed)]
            switch includeObject {
            case "None": break
            case "Object": row["object"] = object.json
            default:
                row["object"] = .object([
                    "kind": .string("PartialObjectMetadata"), "apiVersion": .string("meta.k8s.io/\(version)"),
                    "metadata": object.json["metadata"] ?? .object([:]),
                ])
            }
            return .object(row)
        }
        return .object([
            "kind": .string("Table"), "apiVersion": .string("meta.k8s.io/\(version)"),
            "metadata": .object(["resourceVersion": .string(String(resourceVersion))]),
            "columnDefinitions": .array(definitions), "rows": .array(rows),
        ])
    }
}
