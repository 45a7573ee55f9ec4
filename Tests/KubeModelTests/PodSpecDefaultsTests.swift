import KubeModel
import Testing

/// The core/v1 defaults below the container (pkg/apis/core/v1/defaults.go, SetObjectDefaults_Deployment): the
/// expected objects are written from those functions' rules, one field at a time.
@Suite struct PodSpecDefaultsTests {
    @Test func probesHandlersSelectorsAndVolumesGetTheirDefaults() throws {
        var spec = PodSpec(raw: try JSONCodec.parse("""
            {"containers":[{"name":"app","image":"app:1",
              "env":[{"name":"POD","valueFrom":{"fieldRef":{"fieldPath":"metadata.name"}}},
                     {"name":"CPU","valueFrom":{"resourceFieldRef":{"resource":"limits.cpu"}}},
                     {"name":"PLAIN","value":"x"}],
              "livenessProbe":{"httpGet":{"port":8080},"timeoutSeconds":0},
              "readinessProbe":{"tcpSocket":{"port":80},"periodSeconds":5,"failureThreshold":1},
              "startupProbe":{"grpc":{"port":9000}},
              "lifecycle":{"preStop":{"httpGet":{"port":80,"path":"/quit","scheme":"HTTPS"}}}}],
             "volumes":[{"name":"scratch"},
                        {"name":"sec","secret":{"secretName":"s"}},
                        {"name":"cfg","configMap":{"name":"c","defaultMode":256}},
                        {"name":"info","downwardAPI":{"items":[{"path":"n","fieldRef":{"fieldPath":"metadata.name"}}]}},
                        {"name":"token","projected":{"sources":[{"serviceAccountToken":{"path":"t"}},
                          {"downwardAPI":{"items":[{"path":"m","resourceFieldRef":{"containerName":"app","resource":"limits.memory"}}]}}]}},
                        {"name":"host","hostPath":{"path":"/var/log"}}]}
            """).objectValue ?? [:])
        spec.applyDefaults()
        let expected = try JSONCodec.parse("""
            {"containers":[{"name":"app","image":"app:1","imagePullPolicy":"IfNotPresent","resources":{},
              "terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File",
              "env":[{"name":"POD","valueFrom":{"fieldRef":{"apiVersion":"v1","fieldPath":"metadata.name"}}},
                     {"name":"CPU","valueFrom":{"resourceFieldRef":{"divisor":"0","resource":"limits.cpu"}}},
                     {"name":"PLAIN","value":"x"}],
              "livenessProbe":{"httpGet":{"port":8080,"path":"/","scheme":"HTTP"},"timeoutSeconds":1,"periodSeconds":10,
                "successThreshold":1,"failureThreshold":3},
              "readinessProbe":{"tcpSocket":{"port":80},"timeoutSeconds":1,"periodSeconds":5,"successThreshold":1,
                "failureThreshold":1},
              "startupProbe":{"grpc":{"port":9000,"service":""},"timeoutSeconds":1,"periodSeconds":10,
                "successThreshold":1,"failureThreshold":3},
              "lifecycle":{"preStop":{"httpGet":{"port":80,"path":"/quit","scheme":"HTTPS"}}}}],
             "volumes":[{"name":"scratch","emptyDir":{}},
                        {"name":"sec","secret":{"secretName":"s","defaultMode":420}},
                        {"name":"cfg","configMap":{"name":"c","defaultMode":256}},
                        {"name":"info","downwardAPI":{"defaultMode":420,
                          "items":[{"path":"n","fieldRef":{"apiVersion":"v1","fieldPath":"metadata.name"}}]}},
                        {"name":"token","projected":{"defaultMode":420,"sources":[
                          {"serviceAccountToken":{"path":"t","expirationSeconds":3600}},
                          {"downwardAPI":{"items":[{"path":"m","resourceFieldRef":{"containerName":"app","divisor":"0",
                            "resource":"limits.memory"}}]}}]}},
                        {"name":"host","hostPath":{"path":"/var/log","type":""}}],
             "dnsPolicy":"ClusterFirst","restartPolicy":"Always","schedulerName":"default-scheduler","securityContext":{},
             "terminationGracePeriodSeconds":30}
            """)
        #expect(JSONValue.object(spec.raw) == expected)
        var again = spec
        again.applyDefaults()
        #expect(again == spec)
    }

    /// The v1 conversion writes `serviceAccount`, the deprecated alias, from `serviceAccountName`, which wins; the
    /// alias alone names the account.
    @Test(arguments: [
        (#"{"serviceAccountName":"a"}"#, "a"), (#"{"serviceAccount":"b"}"#, "b"),
        (#"{"serviceAccountName":"a","serviceAccount":"b"}"#, "a"), (#"{"serviceAccountName":"","serviceAccount":"b"}"#, "b"),
    ])
    func serviceAccountAlias(json: String, account: String) throws {
        var spec = PodSpec(raw: try JSONCodec.parse(json).objectValue ?? [:])
        spec.applyDefaults()
        #expect(spec.raw["serviceAccountName"] == .string(account))
        #expect(spec.raw["serviceAccount"] == .string(account))
    }
}
