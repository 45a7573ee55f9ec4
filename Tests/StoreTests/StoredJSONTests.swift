@testable import Cluster
import KubeModel
@testable import Store
import Testing

/// Hand-written JSON for stored objects must be the codec's, byte for byte: projections are compared as text.
struct StoredJSONTests {
    @Test(arguments: [nil, "kubectl set image deployment/web web=nginx:1.26", #"a "quoted" \ cause"#] as [String?])
    func revisionRecordsAreWrittenAsTheCodecWritesThem(_ cause: String?) throws {
        let template = PodTemplateSpec(
            metadata: TemplateMetadata(labels: ["app": "web"]),
            spec: PodSpec(raw: ["containers": .array([.object(["image": .string("nginx:1.26"), "name": .string("web")])])]))
        let record = RevisionRecord(
            revision: 12, replicaSet: "web-6fb9747d8d", template: template, changeCause: cause, sequence: 1_234_567,
            time: Timestamp(seconds: 1_790_000_000))
        let templateJSON = try StoredJSON.encode(template)
        #expect(StoredJSON.encode(record, template: templateJSON) == (try JSONCodec.encode(record)))
    }
}
