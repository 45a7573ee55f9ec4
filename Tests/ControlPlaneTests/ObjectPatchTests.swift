import ControlPlane
import Foundation
import KubeModel
import Testing

/// The three patch kinds of the Kubernetes API, on the shapes kubectl sends.
struct ObjectPatchTests {
    static func json(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    static let deployment = """
        {"metadata":{"name":"web","annotations":{"a":"1"}},
         "spec":{"replicas":2,"paused":true,"template":{"spec":{"containers":[
            {"name":"web","image":"web:1","ports":[{"containerPort":80,"protocol":"TCP"}]},
            {"name":"log","image":"log:1"}]}}}}
        """

    // MARK: - Strategic merge

    @Test func setImageMergesContainersByNameAndKeepsTheirOtherFields() throws {
        let patch = try Self.json("""
            {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"web"},{"name":"log"}],
              "containers":[{"image":"web:2","name":"web"}]}}}}
            """)
        let result = try ObjectPatch.strategicMerge(patch).applied(to: try Self.json(Self.deployment))
        let containers = result["spec"]?["template"]?["spec"]?["containers"]?.arrayValue ?? []
        #expect(containers.map { $0["name"]?.stringValue } == ["web", "log"])
        #expect(containers[0]["image"] == .string("web:2"))
        #expect(containers[0]["ports"]?.arrayValue?.count == 1, "fields the patch does not name stay")
        #expect(containers[1]["image"] == .string("log:1"))
    }

    /// `mergeSlice` then `normalizeElementOrder`: a new element leads the live ones it is not ranked against; live
    /// elements the patch names keep the live order among themselves; with `$setElementOrder`, elements it does not
    /// name keep their live place.
    @Test(arguments: [
        (#"[{"name":"side","image":"s:1"}]"#, nil as String?, ["side", "web", "log"]),
        (#"[{"name":"zz","image":"z:1"},{"name":"log","image":"log:2"}]"#, nil, ["zz", "web", "log"]),
        (#"[{"name":"log","image":"log:2"},{"name":"web","image":"web:2"}]"#, nil, ["log", "web"]),
        (#"[{"name":"log","image":"log:2"}]"#, #"[{"name":"web"},{"name":"log"}]"#, ["web", "log"]),
    ])
    func mergedListsAreOrderedAsTheServerOrdersThem(patchList: String, order: String?, expected: [String]) throws {
        var spec: [String: JSONValue] = ["containers": try Self.json(patchList)]
        if let order { spec["$setElementOrder/containers"] = try Self.json(order) }
        let patch = JSONValue.object(["spec": .object(["template": .object(["spec": .object(spec)])])])
        let result = try ObjectPatch.strategicMerge(patch).applied(to: try Self.json(Self.deployment))
        let names = result["spec"]?["template"]?["spec"]?["containers"]?.arrayValue?.map { $0["name"]?.stringValue ?? "" }
        #expect(names == expected)
    }

    /// With a third live element between them, `$setElementOrder` keeps the one it does not name where it was.
    @Test func anElementTheOrderDoesNotNameKeepsItsPlace() throws {
        var live = try Self.json(Self.deployment)
        live["spec"]?["template"]?["spec"]?["containers"] = try Self.json(
            #"[{"name":"a","image":"a:1"},{"name":"side","image":"s:1"},{"name":"b","image":"b:1"}]"#)
        let patch = try Self.json("""
            {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"a"},{"name":"b"}],
              "containers":[{"name":"b","image":"b:2"}]}}}}
            """)
        let result = try ObjectPatch.strategicMerge(patch).applied(to: live)
        let names = result["spec"]?["template"]?["spec"]?["containers"]?.arrayValue?.map { $0["name"]?.stringValue ?? "" }
        #expect(names == ["a", "side", "b"])
    }

    /// `metadata.ownerReferences` merges by `uid`: the `$patch: delete` a release sends removes one reference.
    @Test func ownerReferencesMergeByUID() throws {
        var live = try Self.json(Self.deployment)
        live["metadata"]?["ownerReferences"] = try Self.json(
            #"[{"uid":"1","kind":"Deployment","name":"web","apiVersion":"apps/v1"},{"uid":"2","kind":"ConfigMap","name":"c","apiVersion":"v1"}]"#)
        let patch = try Self.json(#"{"metadata":{"ownerReferences":[{"$patch":"delete","uid":"1"}]}}"#)
        let result = try ObjectPatch.strategicMerge(patch).applied(to: live)
        #expect(result["metadata"]?["ownerReferences"]?.arrayValue?.map { $0["uid"]?.stringValue ?? "" } == ["2"])
    }

    /// PodSpec.tolerations is `+listType=atomic` (no patch strategy): a patch's list replaces the live one.
    @Test func tolerationsAreReplacedWhole() throws {
        var live = try Self.json(Self.deployment)
        live["spec"]?["template"]?["spec"]?["tolerations"] = try Self.json(#"[{"key":"a","operator":"Exists"}]"#)
        let patch = try Self.json(#"{"spec":{"template":{"spec":{"tolerations":[{"key":"b","operator":"Exists"}]}}}}"#)
        let result = try ObjectPatch.strategicMerge(patch).applied(to: live)
        #expect(result["spec"]?["template"]?["spec"]?["tolerations"] == (try Self.json(#"[{"key":"b","operator":"Exists"}]"#)))
    }

    @Test func nullDeletesAField() throws {
        let result = try ObjectPatch.strategicMerge(try Self.json(#"{"spec":{"paused":null}}"#))
            .applied(to: try Self.json(Self.deployment))
        #expect(result["spec"]?["paused"] == nil)
        #expect(result["spec"]?["replicas"] == .int(2))
    }

    @Test func deleteDirectiveRemovesAListElement() throws {
        let patch = try Self.json(#"{"spec":{"template":{"spec":{"containers":[{"name":"log","$patch":"delete"}]}}}}"#)
        let result = try ObjectPatch.strategicMerge(patch).applied(to: try Self.json(Self.deployment))
        #expect(result["spec"]?["template"]?["spec"]?["containers"]?.arrayValue?.map { $0["name"] } == [.string("web")])
    }

    /// `mergeSlice`'s `ErrNoMergeKey`, for a merged element and a `$patch: delete` one alike: a 500 without a reason,
    /// which kubectl prints as `Error from server: map: …`.
    @Test(arguments: [
        (#"[{"image":"web:2","env":[{"name":"A","value":"1"}]}]"#,
         "map: map[env:[map[name:A value:1]] image:web:2] does not contain declared merge key: name"),
        (#"[{"$patch":"delete"}]"#, "map: map[$patch:delete] does not contain declared merge key: name"),
    ])
    func aListElementWithoutItsMergeKeyIsRefused(containers: String, message: String) throws {
        let patch = try Self.json(#"{"spec":{"template":{"spec":{"containers":"# + containers + "}}}}")
        #expect(throws: PatchError(message, isBadRequest: false)) {
            try ObjectPatch.strategicMerge(patch).applied(to: try Self.json(Self.deployment))
        }
        #expect(PatchError(message, isBadRequest: false).commandError.text == "Error from server: " + message)
    }

    @Test func elementOrderPutsNamedElementsFirst() throws {
        let patch = try Self.json("""
            {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"log"},{"name":"web"}]}}}}
            """)
        let result = try ObjectPatch.strategicMerge(patch).applied(to: try Self.json(Self.deployment))
        #expect(result["spec"]?["template"]?["spec"]?["containers"]?.arrayValue?.map { $0["name"] }
                == [.string("log"), .string("web")])
    }

    @Test func replaceDirectiveReplacesAMap() throws {
        let patch = try Self.json(#"{"metadata":{"annotations":{"$patch":"replace","b":"2"}}}"#)
        let result = try ObjectPatch.strategicMerge(patch).applied(to: try Self.json(Self.deployment))
        #expect(result["metadata"]?["annotations"] == .object(["b": .string("2")]))
    }

    // MARK: - Merge patch

    @Test func mergePatchReplacesListsWhole() throws {
        let patch = try Self.json(#"{"spec":{"replicas":3,"template":{"spec":{"containers":[{"name":"only"}]}}}}"#)
        let result = try ObjectPatch.merge(patch).applied(to: try Self.json(Self.deployment))
        #expect(result["spec"]?["replicas"] == .int(3))
        #expect(result["spec"]?["template"]?["spec"]?["containers"] == .array([.object(["name": .string("only")])]))
    }

    // MARK: - JSON patch

    @Test func jsonPatchReplacesAddsRemovesAndTests() throws {
        let operations = try Self.json("""
            [{"op":"test","path":"/spec/replicas","value":2},
             {"op":"replace","path":"/spec/replicas","value":4},
             {"op":"add","path":"/metadata/annotations/team~1owner","value":"core"},
             {"op":"remove","path":"/spec/paused"},
             {"op":"add","path":"/spec/template/spec/containers/-","value":{"name":"side"}}]
            """).arrayValue ?? []
        let result = try ObjectPatch.json(operations).applied(to: try Self.json(Self.deployment))
        #expect(result["spec"]?["replicas"] == .int(4))
        #expect(result["metadata"]?["annotations"]?["team/owner"] == .string("core"))
        #expect(result["spec"]?["paused"] == nil)
        #expect(result["spec"]?["template"]?["spec"]?["containers"]?.arrayValue?.count == 3)
    }

    @Test func jsonPatchRefusesWhatDoesNotApply() throws {
        let failedTest = try Self.json(#"[{"op":"test","path":"/spec/replicas","value":9}]"#).arrayValue ?? []
        #expect(throws: PatchError.self) { try ObjectPatch.json(failedTest).applied(to: try Self.json(Self.deployment)) }
        let missing = try Self.json(#"[{"op":"replace","path":"/spec/nope","value":1}]"#).arrayValue ?? []
        #expect(throws: PatchError.self) { try ObjectPatch.json(missing).applied(to: try Self.json(Self.deployment)) }
    }
}
