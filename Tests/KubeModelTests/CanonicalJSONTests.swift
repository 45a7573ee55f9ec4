import Foundation
import KubeModel
import Testing

/// The hand-written writers must give `JSONEncoder`'s text (sorted keys, slashes unescaped) for every field,
/// set or not: stored rows and payloads written by either must compare equal byte for byte.
@Suite struct CanonicalJSONTests {
    static let metadata = """
        {"name":"web-5d4f8c7b9-x2x7q","generateName":"web-5d4f8c7b9-","namespace":"team","uid":"u-1",
         "resourceVersion":"42","generation":3,"creationTimestamp":"2026-11-26T15:08:07Z",
         "deletionTimestamp":"2026-11-26T15:09:07Z","deletionGracePeriodSeconds":30,
         "labels":{"app":"web","é-tier":"front/end","z":"\\"quoted\\"\\n\\u0001"},
         "annotations":{"kubernetes.io/change-cause":"set image 🚀","a":""},
         "ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"web-5d4f8c7b9","uid":"u-0",
           "controller":true,"blockOwnerDeletion":false},{"apiVersion":"v1","kind":"X","name":"n","uid":"u"}],
         "finalizers":["a/b","c"]}
        """
    static let template = """
        {"metadata":{"labels":{"app":"web"},"annotations":{"kubectl.kubernetes.io/restartedAt":"2026-11-26T15:08:07Z"}},
         "spec":{"containers":[{"name":"app","image":"registry.example.com/web:1.2",
           "ports":[{"containerPort":8080,"protocol":"TCP"}],"resources":{"limits":{"cpu":"500m"}},"args":["--x=1"]}],
          "terminationGracePeriodSeconds":30,"nodeSelector":{"disk":"ssd"}}}
        """
    static let selector = """
        {"matchLabels":{"app":"web"},"matchExpressions":[{"key":"tier","operator":"In","values":["a","b"]},
         {"key":"env","operator":"Exists"}]}
        """
    static let deployment = """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":\(metadata),
         "spec":{"replicas":4,"minReadySeconds":5,"revisionHistoryLimit":10,"progressDeadlineSeconds":600,
          "paused":true,"selector":\(selector),
          "strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":1}},
          "template":\(template)},
         "status":{"replicas":4,"readyReplicas":3,"updatedReplicas":4,"availableReplicas":3,"unavailableReplicas":1,
          "observedGeneration":3,"collisionCount":2,
          "conditions":[{"type":"Available","status":"True","reason":"MinimumReplicasAvailable",
           "message":"Deployment has minimum availability.","lastUpdateTime":"2026-11-26T15:08:07Z",
           "lastTransitionTime":"2026-11-26T15:08:07Z"},{"type":"Progressing","status":"Unknown"}]}}
        """
    static let replicaSet = """
        {"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":\(metadata),
         "spec":{"replicas":2,"minReadySeconds":5,"selector":\(selector),"template":\(template)},
         "status":{"replicas":2,"fullyLabeledReplicas":2,"readyReplicas":1,"availableReplicas":1,
          "observedGeneration":1,"conditions":[{"type":"ReplicaFailure","status":"True","reason":"FailedCreate",
           "message":"quota","lastTransitionTime":"2026-11-26T15:08:07Z"},{"type":"X","status":"False"}]}}
        """
    static let pod = """
        {"apiVersion":"v1","kind":"Pod","metadata":\(metadata),"spec":{"containers":[{"name":"app","image":"a:1"}],
          "nodeName":"node-1"},
         "status":{"phase":"Running","message":"m","reason":"r","hostIP":"10.0.0.1","hostIPs":[{"ip":"10.0.0.1"}],
          "podIP":"10.1.0.7","podIPs":[{"ip":"10.1.0.7"},{"ip":"fd00::7"}],"startTime":"2026-11-26T15:08:07Z",
          "qosClass":"BestEffort",
          "conditions":[{"type":"Ready","status":"True","lastTransitionTime":"2026-11-26T15:08:09Z",
           "reason":"r","message":"m"},{"type":"PodScheduled","status":"True"}],
          "containerStatuses":[
           {"name":"app","image":"a:1","imageID":"sha256:1","containerID":"containerd://1","ready":true,
            "started":true,"restartCount":2,
            "state":{"running":{"startedAt":"2026-11-26T15:08:08Z"},"waiting":{"reason":"r","message":"m"},
             "terminated":{"exitCode":1,"reason":"Error","message":"boom","containerID":"containerd://0",
             "startedAt":"2026-11-26T15:08:00Z","finishedAt":"2026-11-26T15:08:05Z"}},
            "lastState":{"terminated":{"exitCode":1,"reason":"Error","message":"boom","containerID":"containerd://0",
             "startedAt":"2026-11-26T15:08:00Z","finishedAt":"2026-11-26T15:08:05Z"},"waiting":{"reason":"w","message":"v"},
             "running":{"startedAt":"2026-11-26T15:07:00Z"}}},
           {"name":"b","image":"b:1","imageID":"","ready":false,"restartCount":0,
            "state":{"waiting":{"reason":"ErrImagePull","message":"no such image"}},"lastState":{}},
           {"name":"c","image":"c:1","imageID":"","ready":false,"restartCount":0,
            "state":{"waiting":{},"running":{},"terminated":{"exitCode":0}},"lastState":{}}],
          "initContainerStatuses":[
           {"name":"init","image":"i:1","imageID":"sha256:2","containerID":"containerd://2","ready":true,
            "started":false,"restartCount":1,
            "state":{"running":{"startedAt":"2026-11-26T15:08:03Z"},"waiting":{"reason":"r","message":"m"},
             "terminated":{"exitCode":0,"reason":"Completed","message":"done","containerID":"containerd://2",
             "startedAt":"2026-11-26T15:08:01Z","finishedAt":"2026-11-26T15:08:02Z"}},
            "lastState":{"terminated":{"exitCode":1,"reason":"Error","message":"boom","containerID":"containerd://1",
             "startedAt":"2026-11-26T15:07:00Z","finishedAt":"2026-11-26T15:07:05Z"},"waiting":{"reason":"w","message":"v"},
             "running":{"startedAt":"2026-11-26T15:06:00Z"}}}]}}
        """

    static func foundation(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// The writer's text equals `JSONEncoder`'s, and so does `JSONCodec.encode`, which uses the writer.
    static func check<T: CanonicalJSONWritable & Decodable & Equatable>(_ type: T.Type, _ text: String) throws {
        let value = try JSONCodec.decode(type, from: text)
        let expected = try foundation(value)
        #expect(value.canonicalJSONText == expected)
        #expect(try JSONCodec.encode(value) == expected)
        #expect(try JSONCodec.decode(type, from: value.canonicalJSONText) == value)
    }

    @Test func everyFieldIsWrittenAsJSONEncoderWritesIt() throws {
        try Self.check(Deployment.self, Self.deployment)
        try Self.check(ReplicaSet.self, Self.replicaSet)
        try Self.check(Pod.self, Self.pod)
    }

    @Test func unsetFieldsAreLeftOutAsJSONEncoderLeavesThem() throws {
        let head = #""apiVersion":"v","kind":"k","metadata":{"name":"a"}"#
        try Self.check(Deployment.self, #"{\#(head),"spec":{},"status":{}}"#)
        try Self.check(ReplicaSet.self, #"{\#(head),"spec":{"selector":{},"template":{}},"status":{}}"#)
        try Self.check(Pod.self, #"{\#(head),"spec":{},"status":{"conditions":[],"containerStatuses":[]}}"#)
    }

    /// A payload that nests the written types inside synthesized `Encodable` ones still encodes as one document.
    @Test func writtenTypesNestInsideEncodableOnes() throws {
        struct Payload: Encodable {
            var pods: [Pod]
            var replicaSet: ReplicaSet?
            var reason = "x"
        }
        let payload = Payload(
            pods: [try JSONCodec.decode(Pod.self, from: Self.pod)],
            replicaSet: try JSONCodec.decode(ReplicaSet.self, from: Self.replicaSet))
        #expect(try JSONCodec.encode(payload) == (try Self.foundation(payload)))
    }

    /// The fixtures above set every stored property (the first element of each array at least), and each
    /// one is a key of the written object: a property added to a type but not to its writer fails here.
    @Test func everyStoredPropertyIsWritten() throws {
        var missing: [String] = []
        func walk(_ value: Any, _ json: JSONValue, _ path: String, strict: Bool) {
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .struct where !(value is PodSpec || value is Timestamp):
                guard case .object(let object) = json else { return missing.append("\(path): not an object") }
                for child in mirror.children {
                    let label = child.label ?? "?"
                    let unwrapped = Mirror(reflecting: child.value)
                    if unwrapped.displayStyle == .optional {
                        guard let some = unwrapped.children.first else {
                            if strict { missing.append("\(path).\(label): nil in the fixture") }
                            continue
                        }
                        guard let field = object[label] else { missing.append("\(path).\(label)"); continue }
                        walk(some.value, field, "\(path).\(label)", strict: strict)
                    } else {
                        guard let field = object[label] else { missing.append("\(path).\(label)"); continue }
                        walk(child.value, field, "\(path).\(label)", strict: strict)
                    }
                }
            case .collection:
                guard case .array(let elements) = json else { return missing.append("\(path): not an array") }
                for (index, (element, field)) in zip(mirror.children.map(\.value), elements).enumerated() {
                    walk(element, field, "\(path)[\(index)]", strict: strict && index == 0)
                }
            default:
                break
            }
        }
        for (name, value) in [
            ("Deployment", try JSONCodec.decode(Deployment.self, from: Self.deployment) as any CanonicalJSONWritable),
            ("ReplicaSet", try JSONCodec.decode(ReplicaSet.self, from: Self.replicaSet)),
            ("Pod", try JSONCodec.decode(Pod.self, from: Self.pod)),
        ] {
            walk(value, try JSONCodec.parse(value.canonicalJSONText), name, strict: true)
        }
        #expect(missing == [])
    }
}
