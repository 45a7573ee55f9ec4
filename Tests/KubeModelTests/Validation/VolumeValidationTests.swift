import Foundation
import Testing
@testable import KubeModel

/// `ValidateVolumes`, the volume sources and the containers' mounts; expected texts from core validation v1.32.
struct VolumeValidationTests {
    static let volumes = "spec.template.spec.volumes"
    static let mounts = "spec.template.spec.containers[0].volumeMounts"

    static let cases: [ValidationCase] = [
        ValidationCase("a volume with no source is an emptyDir", []) {
            $0.setPod("volumes", json(#"[{"name":"scratch"}]"#))
            $0.setContainer("volumeMounts", json(#"[{"name":"scratch","mountPath":"/tmp"}]"#))
        },
        ValidationCase("one source per volume, and a mount of a volume with errors is not found", [
            "\(volumes)[0].configMap: Forbidden: may not specify more than 1 volume type",
            "\(mounts)[0].name: Not found: \"data\"",
        ]) {
            $0.setPod("volumes", json(#"[{"name":"data","emptyDir":{},"configMap":{"name":"cm"}}]"#))
            $0.setContainer("volumeMounts", json(#"[{"name":"data","mountPath":"/d"}]"#))
        },
        ValidationCase("upstream's misspelt source paths", [
            "\(volumes)[0].downwarAPI: Forbidden: may not specify more than 1 volume type",
        ]) {
            $0.setPod("volumes", json(#"[{"name":"d","secret":{"secretName":"s"},"downwardAPI":{}}]"#))
        },
        ValidationCase("volume names are DNS labels", ["\(volumes)[0].name: Invalid value: \"My_Vol\": " + Expected.dnsLabel]) {
            $0.setPod("volumes", json(#"[{"name":"My_Vol","emptyDir":{}}]"#))
        },
        ValidationCase("volume names are unique", "\(volumes)[1].name: Duplicate value: \"data\"") {
            $0.setPod("volumes", json(#"[{"name":"data","emptyDir":{}},{"name":"data","configMap":{"name":"cm"}}]"#))
        },
        ValidationCase("two unnamed volumes are no duplicates", [
            "\(volumes)[0].name: Required value", "\(volumes)[1].name: Required value",
        ]) {
            $0.setPod("volumes", json(#"[{"emptyDir":{}},{"emptyDir":{}}]"#))
        },
        ValidationCase("a secret needs its name", [
            "\(volumes)[0].secret.secretName: Required value", "\(mounts)[0].name: Not found: \"creds\"",
        ]) {
            $0.setPod("volumes", json(#"[{"name":"creds","secret":{}}]"#))
            $0.setContainer("volumeMounts", json(#"[{"name":"creds","mountPath":"/etc/creds"}]"#))
        },
        ValidationCase("config map modes and items", [
            "\(volumes)[0].configMap.defaultMode: Invalid value: 1000: must be a number between 0 and 0777 (octal), both inclusive",
            "\(volumes)[0].configMap.items[0].key: Required value",
            "\(volumes)[0].configMap.items[0].path: Invalid value: \"..\": must not contain '..'",
            "\(volumes)[0].configMap.items[0].path: Invalid value: \"..\": must not start with '..'",
            "\(volumes)[0].configMap.items[1].path: Invalid value: \"/etc/x\": must be a relative path",
            "\(volumes)[0].configMap.items[1].mode: Invalid value: -1: must be a number between 0 and 0777 (octal), both inclusive",
        ]) {
            $0.setPod("volumes", json(#"""
                [{"name":"c","configMap":{"name":"cm","defaultMode":1000,
                  "items":[{"key":"","path":".."},{"key":"k","path":"/etc/x","mode":-1}]}}]
                """#))
        },
        ValidationCase("hostPath type and path", [
            "\(volumes)[0].hostPath.type: Unsupported value: \"Dir\": supported values: \"\", \"BlockDevice\", "
                + "\"CharDevice\", \"Directory\", \"DirectoryOrCreate\", \"File\", \"FileOrCreate\", \"Socket\"",
            "\(volumes)[1].hostPath.path: Required value",
            "\(volumes)[2].hostPath.path: Invalid value: \"/a/../b\": must not contain '..'",
        ]) {
            $0.setPod("volumes", json(#"""
                [{"name":"h","hostPath":{"path":"/var/log","type":"Dir"}},{"name":"i","hostPath":{}},
                 {"name":"j","hostPath":{"path":"/a/../b"}}]
                """#))
        },
        ValidationCase("downward API files", [
            "\(volumes)[0].downwardAPI.fieldRef.fieldPath: Unsupported value: \"spec.nodeName\": supported values: "
                + "\"metadata.annotations\", \"metadata.labels\", \"metadata.name\", \"metadata.namespace\", \"metadata.uid\"",
            "\(volumes)[0].downwardAPI.resourceFieldRef.containerName: Required value",
            "\(volumes)[0].downwardAPI.fieldRef.fieldPath: Invalid value: \"foo\": error converting fieldPath: "
                + "field label not supported: foo",
            "\(volumes)[0].downwardAPI: Required value: one of fieldRef and resourceFieldRef is required",
        ]) {
            $0.setPod("volumes", json(#"""
                [{"name":"d","downwardAPI":{"items":[
                  {"path":"node","fieldRef":{"fieldPath":"spec.nodeName"}},
                  {"path":"cpu","resourceFieldRef":{"resource":"limits.cpu"}},
                  {"path":"foo","fieldRef":{"fieldPath":"foo"}},{"path":"none"}]}}]
                """#))
        },
        ValidationCase("projected tokens and clashing paths", [
            "\(volumes)[0].projected.sources[0].serviceAccountToken.expirationSeconds: Invalid value: 60: "
                + "may not specify a duration less than 10 minutes",
            "\(volumes)[0].projected.path: Required value",
            "\(volumes)[1].projected: Invalid value: \"cm\": conflicting duplicate paths",
        ]) {
            $0.setPod("volumes", json(#"""
                [{"name":"t","projected":{"sources":[{"serviceAccountToken":{"audience":"vault","expirationSeconds":60}}]}},
                 {"name":"p","projected":{"sources":[{"secret":{"name":"s","items":[{"key":"a","path":"x"}]}},
                                                      {"configMap":{"name":"cm","items":[{"key":"b","path":"x"}]}}]}}]
                """#))
        },
        ValidationCase("csi driver and nfs paths", [
            "\(volumes)[0].csi.driver: Required value",
            "\(volumes)[0].csi.driver: Invalid value: \"\": " + Expected.dnsSubdomain,
            "\(volumes)[1].nfs.server: Required value", "\(volumes)[1].nfs.path: Required value",
            "\(volumes)[1].nfs.path: Invalid value: \"\": must be an absolute path",
        ]) {
            $0.setPod("volumes", json(#"[{"name":"c","csi":{"driver":""}},{"name":"n","nfs":{"server":"","path":""}}]"#))
        },
        ValidationCase("flocker and flex volume rules", [
            "\(volumes)[0].flocker: Invalid value: \"resource\": datasetName and datasetUUID can not be specified simultaneously",
            "\(volumes)[0].flocker.datasetName: Invalid value: \"a/b\": must not contain '/'",
            "\(volumes)[1].flexVolume.options[kubernetes.io/x]: Invalid value: \"kubernetes.io/x\": "
                + "kubernetes.io and k8s.io namespaces are reserved",
        ]) {
            $0.setPod("volumes", json(#"""
                [{"name":"f","flocker":{"datasetName":"a/b","datasetUUID":"u"}},
                 {"name":"x","flexVolume":{"driver":"example.com/x","options":{"kubernetes.io/x":"1","mine/y":"2"}}}]
                """#))
        },
        ValidationCase("ephemeral claims need access modes and storage", [
            "\(volumes)[0].ephemeral.volumeClaimTemplate.metadata.name: Forbidden: cannot be set",
            "\(volumes)[0].ephemeral.volumeClaimTemplate.spec.accessModes: Required value: at least 1 access mode is required",
            "\(volumes)[0].ephemeral.volumeClaimTemplate.spec.resources[storage]: Required value",
            "\(volumes)[1].ephemeral.volumeClaimTemplate: Required value",
        ]) {
            $0.setPod("volumes", json(#"""
                [{"name":"e","ephemeral":{"volumeClaimTemplate":{"metadata":{"name":"x"},"spec":{}}}},
                 {"name":"f","ephemeral":{}}]
                """#))
        },
        ValidationCase("mounts name a volume, once per path", [
            "\(mounts)[1].name: Not found: \"cache\"", "\(mounts)[1].mountPath: Invalid value: \"/d\": must be unique",
            "\(mounts)[2].name: Required value", "\(mounts)[2].name: Not found: \"\"",
            "\(mounts)[2].mountPath: Required value",
        ]) {
            $0.setPod("volumes", json(#"[{"name":"data","emptyDir":{}}]"#))
            $0.setContainer("volumeMounts", json(#"""
                [{"name":"data","mountPath":"/d"},{"name":"cache","mountPath":"/d"},{"name":"","mountPath":""}]
                """#))
        },
        ValidationCase("sub-paths and propagation are reported at the list", [
            "\(mounts).subPath: Invalid value: \"/x/../y\": must be a relative path",
            "\(mounts).subPath: Invalid value: \"/x/../y\": must not contain '..'",
            "\(mounts)[1].subPathExpr: Invalid value: \"$(POD)\": subPathExpr and subPath are mutually exclusive",
            "\(mounts).mountPropagation: Forbidden: Bidirectional mount propagation is available only to privileged containers",
            "\(mounts).recursiveReadOnly: Forbidden: may only be specified when readOnly is true",
            "\(mounts).recursiveReadOnly: Forbidden: may only be specified when mountPropagation is None or not specified",
        ]) {
            $0.setPod("volumes", json(#"[{"name":"data"}]"#))
            $0.setContainer("volumeMounts", json(#"""
                [{"name":"data","mountPath":"/a","subPath":"/x/../y"},
                 {"name":"data","mountPath":"/b","subPath":"a","subPathExpr":"$(POD)"},
                 {"name":"data","mountPath":"/c","mountPropagation":"Bidirectional"},
                 {"name":"data","mountPath":"/e","recursiveReadOnly":"Enabled","mountPropagation":"HostToContainer"}]
                """#))
        },
        ValidationCase("block devices come from claims", [
            "spec.template.spec.containers[0].volumeDevices[0].name: Invalid value: \"data\": "
                + "can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode",
            "spec.template.spec.containers[0].volumeDevices[1].name: Not found: \"disk\"",
            "spec.template.spec.containers[0].volumeDevices[1].devicePath: Invalid value: \"/dev/../x\": "
                + "can not contain backsteps ('..')",
        ]) {
            $0.setPod("volumes", json(#"[{"name":"data"}]"#))
            $0.setContainer("volumeDevices", json(#"[{"name":"data","devicePath":"/dev/a"},{"name":"disk","devicePath":"/dev/../x"}]"#))
        },
    ]

    @Test(arguments: cases)
    func reportsTheUpstreamMessage(_ rule: ValidationCase) {
        #expect(rule.actual == rule.expected)
    }

    @Test func imageVolumesAndTheirMountsAreDroppedWithTheGateOff() {
        var spec = Fixture.deployment {
            $0.setPod("volumes", json(#"[{"name":"img","image":{"reference":"x"}},{"name":"data"}]"#))
            $0.setContainer("volumeMounts", json(#"[{"name":"img","mountPath":"/i"},{"name":"data","mountPath":"/d"}]"#))
        }.spec.template.spec
        spec.dropDisabledFields()
        #expect(spec.volumes.map { $0.string("name") } == ["data"])
        #expect(spec.containers[0].raw["volumeMounts"] == json(#"[{"name":"data","mountPath":"/d"}]"#))
    }
}

/// A JSON literal of a test case.
func json(_ text: String) -> JSONValue {
    try! JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
}
