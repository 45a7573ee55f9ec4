import Foundation
import KubeModel
import Testing

@testable import Manifests

/// Field tracking of Update requests, rule by rule, as structured-merge-diff v4 and the apiserver's field manager
/// apply them (v1.32). Each expectation is the compact `managedFields` JSON, keys sorted as `json.Marshal` sorts a map.
struct ManagedFieldsTests {
    private func object(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    private func deployment(spec: String, metadata: String = #"{"name":"web"}"#, status: String = "{}") throws -> JSONValue {
        try object(#"{"apiVersion":"apps/v1","kind":"Deployment","metadata":\#(metadata),"spec":\#(spec),"status":\#(status)}"#)
    }

    private func fieldsV1(_ fields: ManagedFields) -> [String] {
        (fields.json.arrayValue ?? []).map { entry in
            let subresource = entry["subresource"]?.stringValue.map { "/" + $0 } ?? ""
            return "\(entry["manager"]?.stringValue ?? "")\(subresource)@\(entry["time"]?.stringValue ?? "") "
                + GoJSONWriter.compact(entry["fieldsV1"] ?? .null)
        }
    }

    private let t0 = Timestamp(seconds: 1_795_705_200), t1 = Timestamp(seconds: 1_795_705_260)

    // Against Go's empty Deployment, structs it always writes (spec, strategy, template) are there already, so only
    // what appears (a labels map, rollingUpdate, a container, a port) is itself owned: `".": {}`. An empty struct
    // on one side and absent on the other is a leaf; the selector is atomic; server fields are never owned.
    @Test func aCreateOwnsWhatAppearsAndTheNodesThatAppearWithIt() throws {
        var fields = ManagedFields(kind: .deployment)
        fields.update(
            to: try deployment(
                spec: #"""
                    {"replicas":1,"selector":{"matchLabels":{"app":"web"}},"strategy":{"type":"RollingUpdate",
                     "rollingUpdate":{"maxSurge":"25%"}},"template":{"metadata":{"labels":{"app":"web"}},
                     "spec":{"containers":[{"name":"web","image":"web:1","resources":{},
                     "ports":[{"containerPort":80,"protocol":"TCP"}]}],"securityContext":{}}}}
                    """#,
                metadata: #"{"name":"web","namespace":"default","uid":"u","generation":1,"labels":{"app":"web"}}"#),
            by: .init(name: "kubectl-create"), at: t0)
        #expect(fieldsV1(fields) == [
            #"kubectl-create@2026-11-26T15:00:00Z {"f:metadata":{"f:labels":{".":{},"f:app":{}}},"f:spec":{"f:replicas":{},"#
                + #""f:selector":{},"f:strategy":{"f:rollingUpdate":{".":{},"f:maxSurge":{}},"f:type":{}},"#
                + #""f:template":{"f:metadata":{"f:labels":{".":{},"f:app":{}}},"f:spec":{"f:containers":{"#
                + #""k:{\"name\":\"web\"}":{".":{},"f:image":{},"f:name":{},"f:ports":{".":{},"#
                + #""k:{\"containerPort\":80,\"protocol\":\"TCP\"}":{".":{},"f:containerPort":{},"f:protocol":{}}},"#
                + #""f:resources":{}}},"f:securityContext":{}}}}}"#,
        ])
    }

    // A write takes what it sets from every other manager; what it removes leaves everyone; an entry left empty
    // goes. A write that sets nothing (only removes, or changes nothing) keeps its manager's time.
    @Test func writesTakeFieldsAndRemovalsLeaveEveryone() throws {
        var fields = ManagedFields(kind: .deployment)
        let spec = #"{"replicas":1,"paused":true,"template":{"spec":{"containers":[{"name":"c","image":"a"}]}}}"#
        fields.update(to: try deployment(spec: spec), by: .init(name: "kubectl-create"), at: t0)
        fields.update(
            to: try deployment(spec: #"{"replicas":1,"paused":true,"template":{"spec":{"containers":[{"name":"c","image":"b"}]}}}"#),
            by: .init(name: "kubectl-set"), at: t0)
        fields.update(
            to: try deployment(spec: #"{"replicas":1,"template":{"spec":{"containers":[{"name":"c","image":"b"}]}}}"#),
            by: .init(name: "kubectl-rollout"), at: t1)
        fields.update(
            to: try deployment(spec: #"{"replicas":1,"template":{"spec":{"containers":[{"name":"c","image":"b"}]}}}"#),
            by: .init(name: "kubectl-set"), at: t1)
        #expect(fieldsV1(fields) == [
            #"kubectl-create@2026-11-26T15:00:00Z {"f:spec":{"f:replicas":{},"f:template":{"f:spec":{"f:containers":{"k:{\"name\":\"c\"}":{".":{},"f:name":{},"f:resources":{}}}}}}}"#,
            #"kubectl-set@2026-11-26T15:00:00Z {"f:spec":{"f:template":{"f:spec":{"f:containers":{"k:{\"name\":\"c\"}":{"f:image":{}}}}}}}"#,
        ])
        fields.update(
            to: try deployment(spec: #"{"replicas":1,"template":{"spec":{"containers":[{"name":"c","image":"a"}]}}}"#),
            by: .init(name: "kubectl"), at: t1)
        #expect(fieldsV1(fields).map { String($0.prefix { $0 != " " }) } == [
            "kubectl-create@2026-11-26T15:00:00Z", "kubectl@2026-11-26T15:01:00Z",
        ])
    }

    // The status subresource ignores spec and the main resource ignores status (the strategies' reset fields); a
    // subresource is a manager of its own; entries sort by time, then manager, then subresource; set lists are
    // keyed by value. The objects are compared as Go's structs write them: a container's `resources: {}` and a
    // condition's unset times (`null`) are there, and owned.
    @Test func subresourcesAreManagersOfTheirOwnAndIgnoreTheOtherHalf() throws {
        var fields = ManagedFields(kind: .deployment)
        let meta = #"{"name":"web","finalizers":["a"]}"#
        fields.update(to: try deployment(spec: #"{"replicas":1}"#, metadata: meta), by: .init(name: "kubectl"), at: t0)
        fields.update(
            to: try deployment(spec: #"{"replicas":2}"#, metadata: meta, status: #"{"replicas":9}"#),
            by: .init(name: "kubectl", subresource: "scale"), at: t0)
        fields.update(
            to: try deployment(
                spec: #"{"replicas":5}"#, metadata: meta,
                status: #"{"replicas":2,"conditions":[{"type":"Available","status":"True"}]}"#),
            by: .init(name: "kube-controller-manager", subresource: "status"), at: t0)
        #expect(fieldsV1(fields) == [
            #"kube-controller-manager/status@2026-11-26T15:00:00Z {"f:status":{"f:conditions":{".":{},"k:{\"type\":\"Available\"}":{".":{},"f:lastTransitionTime":{},"f:lastUpdateTime":{},"f:status":{},"f:type":{}}},"f:replicas":{}}}"#,
            #"kubectl@2026-11-26T15:00:00Z {"f:metadata":{"f:finalizers":{".":{},"v:\"a\"":{}}}}"#,
            #"kubectl/scale@2026-11-26T15:00:00Z {"f:spec":{"f:replicas":{}}}"#,
        ])
    }

    // Past ten Update entries the oldest are merged into `ancient-changes`, which takes the time of the last one
    // merged (capmanagers.go): eleven managers leave ten entries, the first two merged.
    @Test func elevenManagersLeaveTenEntries() throws {
        var fields = ManagedFields(kind: .deployment)
        var labels: [String] = []
        for index in 0..<11 {
            labels.append(#""l\#(index)":"v""#)
            fields.update(
                to: try deployment(spec: "{}", metadata: #"{"name":"web","labels":{\#(labels.joined(separator: ","))}}"#),
                by: .init(name: "m\(index)"), at: Timestamp(seconds: t0.seconds + Int64(index)))
        }
        let entries = fieldsV1(fields)
        #expect(entries.count == 10)
        #expect(entries.first == #"ancient-changes@2026-11-26T15:00:01Z {"f:metadata":{"f:labels":{".":{},"f:l0":{},"f:l1":{}}}}"#)
        #expect(entries.last == #"m10@2026-11-26T15:00:10Z {"f:metadata":{"f:labels":{"f:l10":{}}}}"#)
    }
}
