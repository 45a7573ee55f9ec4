import Foundation
import KubeModel
import Testing

@testable import Manifests

/// Server-side apply, rule by rule, as structured-merge-diff v4's `Updater.Apply` and kube-apiserver's field manager
/// (v1.32) apply it: the fields a configuration names, the merge, pruning, conflicts and their message, forcing,
/// shared ownership, client-side apply's last-applied allowance and kubectl's upgrade of its managers.
struct ServerSideApplyTests {
    private func object(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    private func deployment(_ spec: String, labels: String = #"{"app":"web"}"#, annotations: String? = nil) throws
        -> JSONValue
    {
        let extra = annotations.map { #","annotations":\#($0)"# } ?? ""
        return try object(
            #"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default","labels":\#(labels)\#(extra)},"spec":\#(spec)}"#)
    }

    private static let container = #"{"name":"web","image":"nginx:1.25"}"#
    private static func spec(replicas: Int = 2, containers: String = container) -> String {
        #"{"replicas":\#(replicas),"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[\#(containers)]}}}"#
    }

    /// Each entry as `manager/operation fieldsV1`.
    private func entries(_ fields: ManagedFields) -> [String] {
        (fields.json.arrayValue ?? []).map { entry in
            "\(entry["manager"]?.stringValue ?? "")/\(entry["operation"]?.stringValue ?? "")@\(entry["time"]?.stringValue ?? "") "
                + GoJSONWriter.compact(entry["fieldsV1"] ?? .null)
        }
    }

    private let t0 = Timestamp(seconds: 1_795_705_200), t1 = Timestamp(seconds: 1_795_705_260)

    /// The conflicts' message of an apply without force, or nil when it goes through.
    private func conflicts(_ fields: ManagedFields, _ configuration: JSONValue, by manager: String = "kubectl") -> String? {
        var fields = fields
        do {
            _ = try fields.apply(configuration, by: manager, force: false, at: t1)
            return nil
        } catch {
            return error.message
        }
    }

    /// An object created by the apply and stored as the server leaves it (here: unchanged).
    private func created(_ configuration: JSONValue, by manager: String = "kubectl") throws -> ManagedFields {
        var fields = ManagedFields(kind: .deployment)
        let merged = try fields.apply(configuration, by: manager, force: false, at: t0)
        fields.stored(merged)
        return fields
    }

    // ToFieldSet: scalars, map entries and list items are members (a container gets `".": {}`); declared struct
    // fields are only paths to them; the selector is atomic; server fields (name, namespace, kind) are no one's.
    @Test func anApplyOwnsTheFieldsItsConfigurationNames() throws {
        let fields = try created(try deployment(Self.spec()))
        #expect(entries(fields) == [
            #"kubectl/Apply@2026-11-26T15:00:00Z {"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:replicas":{},"f:selector":{},"#
                + #""f:template":{"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:containers":{"k:{\"name\":\"web\"}":{".":{},"#
                + #""f:image":{},"f:name":{}}}}}}}"#,
        ])
    }

    // A field another manager owns and the configuration changes is a conflict; one conflict is one line, several
    // are grouped by manager in the identifiers' order, an Update manager with its subresource and apiVersion.
    @Test func changingAnotherManagersFieldIsAConflict() throws {
        var fields = try created(try deployment(Self.spec()))
        let scaled = try deployment(Self.spec(replicas: 5))
        fields.update(to: scaled, by: .init(name: "kubectl", subresource: "scale"), at: t1)
        #expect(conflicts(fields, try deployment(Self.spec())) == #"Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using apps/v1: .spec.replicas"#)
        let image = try deployment(Self.spec(replicas: 5, containers: #"{"name":"web","image":"nginx:1.26"}"#))
        fields.update(to: image, by: .init(name: "kubectl-set"), at: t1)
        #expect(conflicts(fields, try deployment(Self.spec(replicas: 3))) == """
            Apply failed with 2 conflicts: conflicts with "kubectl" with subresource "scale" using apps/v1:
            - .spec.replicas
            conflicts with "kubectl-set" using apps/v1:
            - .spec.template.spec.containers[name="web"].image
            """)
        // A forced apply takes the image it changes and shares the replicas it leaves as they are; an Apply manager is
        // named without an apiVersion, and managers sort by their identifiers.
        var other = fields
        other.stored(try other.apply(try deployment(Self.spec(replicas: 5)), by: "gitops", force: true, at: t1))
        #expect(conflicts(other, try deployment(Self.spec(replicas: 4))) == """
            Apply failed with 2 conflicts: conflicts with "gitops":
            - .spec.replicas
            conflicts with "kubectl" with subresource "scale" using apps/v1:
            - .spec.replicas
            """)
    }

    // Applying the value another manager set is no conflict: both own the field. Forcing takes a changed field.
    @Test func theSameValueIsSharedAndForceTakesTheRest() throws {
        var fields = try created(try deployment(Self.spec()))
        var shared = fields
        let merged = try shared.apply(try deployment(Self.spec()), by: "gitops", force: false, at: t1)
        shared.stored(merged)
        #expect(entries(shared).count == 2)
        #expect(entries(shared).allSatisfy { $0.contains(#""f:replicas":{}"#) })
        let forced = try fields.apply(try deployment(Self.spec(replicas: 7)), by: "gitops", force: true, at: t1)
        fields.stored(forced)
        #expect(forced["spec"]?["replicas"] == .int(7))
        #expect(entries(fields).contains { $0.hasPrefix("gitops/Apply@2026-11-26T15:01:00Z") && $0.contains(#""f:replicas""#) })
        #expect(entries(fields).contains { $0.hasPrefix("kubectl/Apply") && !$0.contains(#""f:replicas""#) })
    }

    // What the manager applied last time and no longer does goes, unless someone else owns it; what it never applied
    // stays. A list item dropped from the configuration goes with it.
    @Test func prunesWhatTheManagerStoppedApplying() throws {
        let sidecar = Self.container + #",{"name":"log","image":"busybox:1.36"}"#
        var fields = try created(
            try deployment(Self.spec(containers: sidecar), labels: #"{"app":"web","tier":"front"}"#))
        // Another manager's label, which the apply never owned.
        var live = try deployment(Self.spec(containers: sidecar), labels: #"{"app":"web","tier":"front","team":"a"}"#)
        fields.update(to: live, by: .init(name: "kubectl-label"), at: t0)
        live = try fields.apply(try deployment(Self.spec()), by: "kubectl", force: false, at: t1)
        #expect(live["metadata"]?["labels"] == .object(["app": .string("web"), "team": .string("a")]))
        #expect(live["spec"]?["template"]?["spec"]?["containers"]?.arrayValue?.count == 1)
        // Co-owned, a field survives its applier's leaving.
        var fields2 = try created(try deployment(Self.spec(), labels: #"{"app":"web","tier":"front"}"#))
        let kept = try deployment(Self.spec(), labels: #"{"app":"web","tier":"front"}"#)
        _ = try fields2.apply(kept, by: "gitops", force: false, at: t0)
        let pruned = try fields2.apply(try deployment(Self.spec()), by: "kubectl", force: false, at: t1)
        #expect(pruned["metadata"]?["labels"]?["tier"] == .string("front"))
    }

    // For `kubectl` on an object with a last-applied annotation, conflicts on fields whose live value is still the
    // annotation's are taken (an upgrade from client-side apply); other managers' changes still conflict.
    @Test func lastAppliedAllowsKubectlToTakeClientSideFields() throws {
        let config = try deployment(Self.spec())
        let annotation = #"{"kubectl.kubernetes.io/last-applied-configuration":\#(GoJSONWriter.compact(.string(GoJSONWriter.compact(config) + "\n")))}"#
        var fields = ManagedFields(kind: .deployment)
        fields.update(to: try deployment(Self.spec(), annotations: annotation), by: .init(name: "kubectl-client-side-apply"), at: t0)
        var taken = fields
        let merged = try taken.apply(try deployment(Self.spec(replicas: 3)), by: "kubectl", force: false, at: t1)
        #expect(merged["spec"]?["replicas"] == .int(3))
        #expect(conflicts(fields, try deployment(Self.spec(replicas: 3)), by: "gitops") != nil)
        // kubectl's upgrade: client-side apply's entry becomes (or merges into) the Apply entry.
        #expect(fields.updaters(owning: ["metadata", "annotations", "kubectl.kubernetes.io/last-applied-configuration"])
            == ["kubectl-client-side-apply"])
        fields.upgrade(from: ["kubectl-client-side-apply"], to: "kubectl")
        #expect(entries(fields).count == 1)
        #expect(entries(fields)[0].hasPrefix("kubectl/Apply@2026-11-26T15:00:00Z"))
        #expect(fields.appliers(own: ["metadata", "annotations", "kubectl.kubernetes.io/last-applied-configuration"]))
    }

    // A port's `protocol` is part of its key and defaults to TCP, so a configuration without it names the live port.
    @Test func aPortWithoutProtocolIsTheTCPPort() throws {
        let port = #"{"name":"web","image":"nginx:1.25","ports":[{"containerPort":80}]}"#
        let fields = try created(try deployment(Self.spec(containers: port)))
        #expect(entries(fields)[0].contains(#""k:{\"containerPort\":80,\"protocol\":\"TCP\"}":{".":{},"f:containerPort":{}}"#))
        var live = fields
        let stored = try deployment(Self.spec(containers: #"{"name":"web","image":"nginx:1.25","ports":[{"containerPort":80,"protocol":"TCP"}]}"#))
        live.stored(stored)
        let merged = try live.apply(try deployment(Self.spec(containers: port)), by: "kubectl", force: false, at: t1)
        #expect(merged["spec"]?["template"]?["spec"]?["containers"]?.arrayValue?.first?["ports"]?.arrayValue?.count == 1)
    }

    // The typed conversion's errors: fields the schema lacks (keyed list items named by their keys), duplicate keys,
    // and an item without a key field that has no default.
    @Test func typedConversionErrorsAreWordedAsStructuredMergeDiffWordsThem() throws {
        let config = try deployment(Self.spec(containers: #"{"name":"web","image":"x","bogus":1}"#).replacingOccurrences(
            of: #""replicas":2"#, with: #""replicaz":2"#))
        #expect(TypedObject.deployment.typedConversionErrors(in: config) == [
            ".spec.replicaz: field not declared in schema",
            #".spec.template.spec.containers[name="web"].bogus: field not declared in schema"#,
        ])
        let keys = try deployment(Self.spec(containers: #"{"name":"web","image":"x","env":[{"name":"A"},{"name":"A"}],"ports":[{"protocol":"UDP"}]}"#))
        #expect(TypedObject.deployment.typedConversionErrors(in: keys) == [
            #".spec.template.spec.containers[name="web"].env: duplicate entries for key [name="A"]"#,
            #".spec.template.spec.containers[name="web"].ports: element 0: associative list with keys has an element that omits key field "containerPort" (and doesn't have default value)"#,
        ])
    }

    private static func env(_ names: [String]) -> String {
        let items = names.map { #"{"name":"\#($0)","value":"1"}"# }.joined(separator: ",")
        return #"{"name":"web","image":"nginx:1.25","env":[\#(items)]}"#
    }

    private func envNames(_ object: JSONValue) -> [String] {
        let container = object["spec"]?["template"]?["spec"]?["containers"]?.arrayValue?.first
        return (container?["env"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
    }

    // structured-merge-diff v4 walks a keyed list and the configuration's together: the items both hold come in the
    // configuration's order, a new one takes its place among them, and one only the live list has stays where it is.
    @Test func keyedListsFollowTheConfigurationsOrder() throws {
        var fields = try created(try deployment(Self.spec(containers: Self.env(["A", "B"]))))
        var inserted = fields
        #expect(envNames(try inserted.apply(
            try deployment(Self.spec(containers: Self.env(["A", "X", "B"]))), by: "kubectl", force: false, at: t1))
            == ["A", "X", "B"])
        #expect(envNames(try fields.apply(
            try deployment(Self.spec(containers: Self.env(["C", "A"]))), by: "other", force: false, at: t1))
            == ["C", "A", "B"])
    }

    // An apply that changes nothing leaves its manager's entry without a time (managedfieldsupdater.go sets one only
    // when the merge returned an object), and such an entry sorts first among the Apply entries.
    @Test func anApplyThatChangesNothingHasNoTime() throws {
        var fields = try created(try deployment(Self.spec()))
        fields.stored(try fields.apply(try deployment(Self.spec()), by: "gitops", force: false, at: t1))
        #expect(entries(fields).map { String($0.prefix { $0 != " " }) } == ["gitops/Apply@", "kubectl/Apply@2026-11-26T15:00:00Z"])
    }
}
