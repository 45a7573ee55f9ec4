import Testing
@testable import KubeModel

/// Hooks, probes, env sources and a container's security context; expected texts from core validation v1.32.
struct ProbeAndEnvValidationTests {
    static let path = "spec.template.spec.containers[0]"

    static let cases: [ValidationCase] = [
        ValidationCase("a probe needs one handler", [
            "\(path).livenessProbe: Required value: must specify a handler type",
            "\(path).readinessProbe.httpGet: Forbidden: may not specify more than 1 handler type",
            "\(path).startupProbe.tcpSocket.port: Invalid value: \"HTTP\": "
                + "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)",
            "\(path).startupProbe.tcpSocket.port: Invalid value: \"HTTP\": must contain at least one letter (a-z)",
        ]) {
            $0.setContainer("livenessProbe", json(#"{"initialDelaySeconds":5}"#))
            $0.setContainer("readinessProbe", json(#"{"exec":{"command":["true"]},"httpGet":{"port":"HTTP"}}"#))
            $0.setContainer("startupProbe", json(#"{"tcpSocket":{"port":"HTTP"}}"#))
        },
        ValidationCase("probe numbers, and hooks before probes", [
            "\(path).lifecycle.postStart: Required value: must specify a handler type",
            "\(path).lifecycle.preStop.sleep: Invalid value: 0: must be greater than 0 and less than "
                + "terminationGracePeriodSeconds (30). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.",
            "\(path).livenessProbe.grpc.port: Invalid value: 70000: must be between 1 and 65535, inclusive",
            "\(path).livenessProbe.periodSeconds: Invalid value: -1: must be greater than or equal to 0",
            "\(path).livenessProbe.successThreshold: Invalid value: -2: must be greater than or equal to 0",
            "\(path).livenessProbe.successThreshold: Invalid value: -2: must be 1",
            "\(path).readinessProbe.terminationGracePeriodSeconds: Invalid value: 0: must be greater than 0",
            "\(path).readinessProbe.terminationGracePeriodSeconds: Invalid value: 0: must not be set for readinessProbes",
        ]) {
            $0.setContainer("livenessProbe", json(#"{"grpc":{"port":70000},"periodSeconds":-1,"successThreshold":-2}"#))
            $0.setContainer("readinessProbe", json(#"{"tcpSocket":{"port":80},"terminationGracePeriodSeconds":0}"#))
            $0.setContainer("lifecycle", json(#"{"preStop":{"sleep":{"seconds":0}},"postStart":{}}"#))
        },
        ValidationCase("httpGet scheme and headers", [
            "\(path).livenessProbe.httpGet.scheme: Unsupported value: \"http\": supported values: \"HTTP\", \"HTTPS\"",
            "\(path).livenessProbe.httpGet.httpHeaders: Invalid value: \"X_A\": a valid HTTP header must consist of "
                + "alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')",
        ]) {
            $0.setContainer("livenessProbe", json(#"{"httpGet":{"port":80,"scheme":"http","httpHeaders":[{"name":"X_A","value":"v"}]}}"#))
        },
        ValidationCase("a sidecar's probes are checked", [
            "spec.template.spec.initContainers[0].readinessProbe: Required value: must specify a handler type",
        ]) {
            $0.setPod("initContainers", json(#"[{"name":"s","image":"x","restartPolicy":"Always","readinessProbe":{}}]"#))
        },
        ValidationCase("env values from one source", [
            "\(path).env[0].valueFrom: Invalid value: \"\": must specify one of: `fieldRef`, `resourceFieldRef`, "
                + "`configMapKeyRef` or `secretKeyRef`",
            "\(path).env[1].valueFrom.fieldRef.fieldPath: Unsupported value: \"status.phase\": supported values: "
                + "\"metadata.name\", \"metadata.namespace\", \"metadata.uid\", \"spec.nodeName\", \"spec.serviceAccountName\", "
                + "\"status.hostIP\", \"status.hostIPs\", \"status.podIP\", \"status.podIPs\"",
            "\(path).env[1].valueFrom: Invalid value: \"\": may not be specified when `value` is not empty",
            "\(path).env[2].valueFrom.fieldRef: Invalid value: \"a b\": name part " + Expected.qualifiedName,
            "\(path).env[3].valueFrom.resourceFieldRef.divisor: Invalid value: \"limits.cpu\": "
                + "only divisor's values 1m and 1 are supported with the cpu resource",
            "\(path).env[4].valueFrom.configMapKeyRef.name: Invalid value: \"\": " + Expected.dnsSubdomain,
            "\(path).env[4].valueFrom.configMapKeyRef.key: Required value",
            "\(path).env[4].valueFrom.secretKeyRef.key: Invalid value: \"a/b\": a valid config key must consist of "
                + "alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', "
                + "regex used for validation is '[-._a-zA-Z0-9]+')",
            "\(path).env[4].valueFrom: Invalid value: \"\": may not have more than one field specified at a time",
        ]) {
            $0.setContainer("env", json(#"""
                [{"name":"A","valueFrom":{}},
                 {"name":"B","value":"x","valueFrom":{"fieldRef":{"fieldPath":"status.phase"}}},
                 {"name":"C","valueFrom":{"fieldRef":{"fieldPath":"metadata.labels['a b']"}}},
                 {"name":"D","valueFrom":{"resourceFieldRef":{"resource":"limits.cpu","divisor":"1Mi"}}},
                 {"name":"E","valueFrom":{"configMapKeyRef":{"key":""},"secretKeyRef":{"name":"s","key":"a/b"}}}]
                """#))
        },
        ValidationCase("env sources, counted at the list", [
            "\(path).envFrom[0].prefix: Invalid value: \"A=\": a valid environment variable name must consist only of "
                + "printable ASCII characters other than '='",
            "\(path).envFrom[0].configMapRef.name: Required value",
            "\(path).envFrom: Invalid value: \"\": must specify one of: `configMapRef` or `secretRef`",
        ]) {
            $0.setContainer("envFrom", json(#"[{"prefix":"A=","configMapRef":{}},{},{"secretRef":{"name":"cfg-"}}]"#))
        },
        ValidationCase("a container's security context", [
            "\(path).securityContext.runAsUser: Invalid value: -1: must be between 0 and 2147483647, inclusive",
            "\(path).securityContext.seccompProfile.localhostProfile: Required value: must be set when seccomp type is Localhost",
            "\(path).securityContext.appArmorProfile.localhostProfile: Invalid value: \"x\": "
                + "can only be set when AppArmor type is Localhost",
        ]) {
            $0.setContainer("securityContext", json(#"""
                {"runAsUser":-1,"seccompProfile":{"type":"Localhost"},
                 "appArmorProfile":{"type":"RuntimeDefault","localhostProfile":"x"}}
                """#))
        },
        ValidationCase("seccomp profile paths", [
            "\(path).securityContext.seccompProfile.localhostProfile: Invalid value: \"/a/../b\": must be a relative path",
            "\(path).securityContext.seccompProfile.localhostProfile: Invalid value: \"/a/../b\": must not contain '..'",
        ]) {
            $0.setContainer("securityContext", json(#"{"seccompProfile":{"type":"Localhost","localhostProfile":"/a/../b"}}"#))
        },
    ]

    @Test(arguments: cases)
    func reportsTheUpstreamMessage(_ rule: ValidationCase) {
        #expect(rule.actual == rule.expected)
    }

    @Test func disabledGatesClearTheirFields() {
        var spec = Fixture.deployment {
            $0.setContainer("resizePolicy", json(#"[{"resourceName":"cpu","restartPolicy":"NotRequired"}]"#))
            $0.setContainer("securityContext", json(#"{"procMount":"Unmasked"}"#))
        }.spec.template.spec
        spec.raw["hostUsers"] = .bool(false)
        spec.raw["resourceClaims"] = json(#"[{"name":"gpu"}]"#)
        spec.dropDisabledFields()
        #expect(spec.raw["hostUsers"] == nil && spec.raw["resourceClaims"] == nil)
        #expect(spec.containers[0].raw["resizePolicy"] == nil)
        #expect(spec.containers[0].raw["securityContext"] == json(#"{"procMount":"Default"}"#))
    }
}
