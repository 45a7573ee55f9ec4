import Testing
@testable import KubeModel

/// Affinity, tolerations, topology spread, gates, DNS, host network and OS; expected texts from core validation v1.32.
struct PlacementValidationTests {
    static let spec = "spec.template.spec"
    static let node = "\(spec).affinity.nodeAffinity"
    static let anti = "\(spec).affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0]"

    static let cases: [ValidationCase] = [
        ValidationCase("node affinity terms", [
            "\(node).requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values: "
                + "Required value: must be specified when `operator` is 'In' or 'NotIn'",
            "\(node).requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[1].matchFields[0].values: "
                + "Required value: must be only one value when `operator` is 'In' or 'NotIn' for node field selector",
            "\(node).preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: must be in the range 1-100",
            "\(node).preferredDuringSchedulingIgnoredDuringExecution[0].preference.matchExpressions[0].operator: "
                + "Invalid value: \"Like\": not a valid selector operator",
        ]) {
            $0.setPod("affinity", json(#"""
                {"nodeAffinity":{
                  "requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[
                    {"matchExpressions":[{"key":"zone","operator":"In"}]},
                    {"matchFields":[{"key":"metadata.name","operator":"In","values":["a","b"]}]}]},
                  "preferredDuringSchedulingIgnoredDuringExecution":[
                    {"weight":0,"preference":{"matchExpressions":[{"key":"x","operator":"Like"}]}}]}}
                """#))
        },
        ValidationCase("required node affinity needs a term",
                       "\(node).requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: Required value: "
                           + "must have at least one node selector term") {
            $0.setPod("affinity", json(#"{"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{}}}"#))
        },
        // Upstream lists the bad namespace twice (no index in the path); kubectl prints it once.
        ValidationCase("pod anti-affinity namespaces and topology key", [
            "\(anti).namespace: Invalid value: \"Bad_NS\": " + Expected.dnsLabel,
            "\(anti).namespace: Invalid value: \"Bad_NS\": " + Expected.dnsLabel,
            "\(anti).topologyKey: Required value: can not be empty",
            "\(anti).topologyKey: Invalid value: \"\": name part must be non-empty",
            "\(anti).topologyKey: Invalid value: \"\": name part " + Expected.qualifiedName,
        ]) {
            $0.setPod("affinity", json(#"""
                {"podAntiAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":[
                  {"labelSelector":{"matchLabels":{"app":"web"}},"namespaces":["Bad_NS","Bad_NS"]}]}}
                """#))
        },
        ValidationCase("tolerations", [
            "\(spec).tolerations[0].operator: Invalid value: \"Equal\": operator must be Exists when `key` is empty, "
                + "which means \"match all values and all keys\"",
            "\(spec).tolerations[1].operator: Invalid value: \"v\": value must be empty when `operator` is 'Exists'",
            "\(spec).tolerations[2].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set",
            "\(spec).tolerations[3].operator: Invalid value: \"a b\": " + Expected.labelValue,
            "\(spec).tolerations[4].effect: Unsupported value: \"Sometimes\": supported values: \"NoSchedule\", "
                + "\"PreferNoSchedule\", \"NoExecute\"",
        ]) {
            $0.setPod("tolerations", json(#"""
                [{"operator":"Equal","value":"x"},{"key":"k","operator":"Exists","value":"v"},
                 {"key":"k","operator":"Exists","effect":"NoSchedule","tolerationSeconds":60},{"key":"k","value":"a b"},
                 {"key":"k","operator":"Exists","effect":"Sometimes"}]
                """#))
        },
        ValidationCase("topology spread, then gates in upstream order", [
            "\(spec).readinessGates[0].conditionType: Invalid value: \"\": name part must be non-empty",
            "\(spec).readinessGates[0].conditionType: Invalid value: \"\": name part " + Expected.qualifiedName,
            "\(spec).schedulingGates[1]: Duplicate value: \"example.com/a\"",
            "\(spec).topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater than zero",
            "\(spec).topologySpreadConstraints[0].whenUnsatisfiable: Unsupported value: \"Sometimes\": "
                + "supported values: \"DoNotSchedule\", \"ScheduleAnyway\"",
            "\(spec).topologySpreadConstraints[1].{topologyKey, whenUnsatisfiable}: Duplicate value: \"{zone, DoNotSchedule}\"",
            "\(spec).topologySpreadConstraints[3].minDomains: Invalid value: 2: "
                + "can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ScheduleAnyway",
            "\(spec).topologySpreadConstraints[3].matchLabelKeys: Forbidden: must not be specified when labelSelector is not set",
        ]) {
            $0.setPod("topologySpreadConstraints", json(#"""
                [{"maxSkew":0,"topologyKey":"zone","whenUnsatisfiable":"Sometimes"},
                 {"maxSkew":1,"topologyKey":"zone","whenUnsatisfiable":"DoNotSchedule"},
                 {"maxSkew":1,"topologyKey":"zone","whenUnsatisfiable":"DoNotSchedule"},
                 {"maxSkew":1,"topologyKey":"zone","whenUnsatisfiable":"ScheduleAnyway","minDomains":2,"matchLabelKeys":["app"]}]
                """#))
            $0.setPod("schedulingGates", json(#"[{"name":"example.com/a"},{"name":"example.com/a"}]"#))
            $0.setPod("readinessGates", json(#"[{"conditionType":""}]"#))
        },
        ValidationCase("host network, pod security context and preemption", [
            "\(spec).containers[0].ports[0].hostPort: Invalid value: 8080: must match `containerPort` when `hostNetwork` is true",
            "\(spec).securityContext.fsGroup: Invalid value: -5: must be between 0 and 2147483647, inclusive",
            "\(spec).securityContext.sysctls[0].name: Invalid value: \"net.core.somaxconn\": "
                + "may not be specified when 'hostNetwork' is true",
            "\(spec).securityContext.sysctls[1].name: Invalid value: \"Bad\": must have at most 253 characters and match "
                + "regex ^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$",
            "\(spec).dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None",
            "\(spec).preemptionPolicy: Unsupported value: \"Sometimes\": supported values: \"PreemptLowerPriority\", \"Never\"",
        ]) {
            $0.setPod("hostNetwork", .bool(true))
            $0.setPod("dnsPolicy", .string("None"))
            $0.setPod("preemptionPolicy", .string("Sometimes"))
            $0.setPod("securityContext", json(#"{"sysctls":[{"name":"net.core.somaxconn","value":"1"},{"name":"Bad"}],"fsGroup":-5}"#))
            $0.setContainer("ports", json(#"[{"containerPort":80,"hostPort":8080}]"#))
        },
        ValidationCase("DNS config and host aliases", [
            "\(spec).dnsConfig.nameservers: Invalid value: []string{\"1.2.3.4\", \"x\", \"::1\", \"010.1.1.1\"}: "
                + "must not have more than 3 nameservers",
            "\(spec).dnsConfig.nameservers[1]: Invalid value: \"x\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)",
            "\(spec).dnsConfig.searches[0]: Invalid value: \"a_b\": " + Expected.dnsSubdomain,
            "\(spec).dnsConfig.options[0]: Required value: must not be empty",
            "\(spec).hostAliases[0].ip: Invalid value: \"999.1.1.1\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)",
        ]) {
            $0.setPod("dnsConfig", json(#"""
                {"nameservers":["1.2.3.4","x","::1","010.1.1.1"],"searches":["a_b.","ok.com."],"options":[{"value":"x"}]}
                """#))
            $0.setPod("hostAliases", json(#"[{"ip":"999.1.1.1","hostnames":["web.local"]}]"#))
        },
        ValidationCase("a key the spread has no selector for is still checked", [
            "\(spec).topologySpreadConstraints[0].matchLabelKeys: Forbidden: must not be specified when labelSelector is not set",
            "\(spec).topologySpreadConstraints[0].matchLabelKeys[0]: Invalid value: \"-bad\": name part " + Expected.qualifiedName,
        ]) {
            $0.setPod("topologySpreadConstraints", json(#"""
                [{"maxSkew":1,"topologyKey":"zone","whenUnsatisfiable":"DoNotSchedule","matchLabelKeys":["-bad"]}]
                """#))
        },
        ValidationCase("a Windows pod", [
            "\(spec).hostPID: Forbidden: cannot be set for a windows pod",
            "\(spec).shareProcessNamespace: Forbidden: cannot be set for a windows pod",
            "\(spec).securityContext.runAsUser: Forbidden: cannot be set for a windows pod",
            "\(spec).containers[0].securityContext.privileged: Forbidden: cannot be set for a windows pod",
        ]) {
            $0.setPod("os", json(#"{"name":"windows"}"#))
            $0.setPod("hostPID", .bool(true))
            $0.setPod("shareProcessNamespace", .bool(false))
            $0.setPod("securityContext", json(#"{"runAsUser":1000}"#))
            $0.setContainer("securityContext", json(#"{"privileged":false}"#))
        },
        ValidationCase("an unknown OS", "\(spec).os: Unsupported value: \"Linux\": supported values: \"linux\", \"windows\"") {
            $0.setPod("os", json(#"{"name":"Linux"}"#))
        },
    ]

    @Test(arguments: cases)
    func reportsTheUpstreamMessage(_ rule: ValidationCase) {
        #expect(rule.actual == rule.expected)
    }

    @Test func kubectlPrintsARepeatedCauseOnce() {
        let error = FieldError(.invalid, "spec.x", value: "\"a\"", detail: "bad")
        #expect(validationErrorMessage(kind: "Deployment", name: "web", errors: [error, error])
            == "The Deployment \"web\" is invalid: spec.x: Invalid value: \"a\": bad")
    }
}
