import KubeModel
import Testing

/// The prober's schedule and failure messages (pkg/kubelet/prober: worker.go's initial delay and period,
/// prober.go's `"%s probe failed: %s"`, and the errors Go's HTTP client, dialer and gRPC client give).
@Suite struct ReadinessProbeTests {
    private func probe(_ json: String, ports: String = "[]") throws -> ContainerProbe {
        let container = Container(raw: try JSONCodec.parse(
            #"{"name":"web","image":"web:1","ports":\#(ports),"readinessProbe":\#(json)}"#).objectValue ?? [:])
        return try #require(ContainerProbe(container))
    }

    private let start = Timestamp(seconds: 1_000)

    @Test func probesRunOnThePeriodOnceTheInitialDelayHasPassed() throws {
        let p = try probe(#"{"tcpSocket":{"port":80},"initialDelaySeconds":5,"periodSeconds":10}"#)
        #expect(!p.probes(at: start, startedAt: start))
        #expect(!p.probes(at: start.adding(seconds: 5), startedAt: start))
        #expect(p.probes(at: start.adding(seconds: 10), startedAt: start))
        #expect(p.nextProbe(after: start, startedAt: start) == start.adding(seconds: 10))
        #expect(p.nextProbe(after: start.adding(seconds: 10), startedAt: start) == start.adding(seconds: 20))
        #expect(p.readyTime(appUpAt: start.adding(seconds: 22), startedAt: start) == start.adding(seconds: 30))
        #expect(p.readyTime(appUpAt: start.adding(seconds: 20), startedAt: start) == start.adding(seconds: 20))
    }

    @Test func withoutDelayTheFirstProbeIsAtTheStartAndDefaultsFillTheRest() throws {
        let p = try probe(#"{"exec":{"command":["true"]}}"#)
        #expect(p.periodSeconds == 10 && p.successThreshold == 1 && p.initialDelaySeconds == 0)
        #expect(p.probes(at: start, startedAt: start))
        #expect(p.readyTime(appUpAt: start, startedAt: start) == start)
        #expect(p.readyTime(appUpAt: start.adding(seconds: 1), startedAt: start) == start.adding(seconds: 10))
    }

    @Test func readinessTakesSuccessThresholdProbesInARow() throws {
        let p = try probe(#"{"tcpSocket":{"port":80},"periodSeconds":3,"successThreshold":3}"#)
        #expect(p.readyTime(appUpAt: start.adding(seconds: 4), startedAt: start) == start.adding(seconds: 12))
    }

    @Test func failureMessagesAreTheRefusedConnectionsOfEachHandler() throws {
        let ip = "10.244.0.7"
        #expect(try probe(#"{"httpGet":{"path":"/healthz","port":"http"}}"#, ports: #"[{"name":"http","containerPort":8080}]"#)
            .failureMessage(podIP: ip)
            == #"Readiness probe failed: Get "http://10.244.0.7:8080/healthz": dial tcp 10.244.0.7:8080: connect: connection refused"#)
        #expect(try probe(#"{"httpGet":{"path":"ready","port":443,"scheme":"HTTPS","host":"10.0.0.9"}}"#)
            .failureMessage(podIP: ip)
            == #"Readiness probe failed: Get "https://10.0.0.9:443/ready": dial tcp 10.0.0.9:443: connect: connection refused"#)
        #expect(try probe(#"{"tcpSocket":{"port":5432}}"#).failureMessage(podIP: ip)
            == "Readiness probe failed: dial tcp 10.244.0.7:5432: connect: connection refused")
        #expect(try probe(#"{"grpc":{"port":9090},"timeoutSeconds":90}"#).failureMessage(podIP: ip)
            == #"Readiness probe failed: timeout: failed to connect service "10.244.0.7:9090" within 1m30s: context deadline exceeded"#)
        #expect(try probe(#"{"exec":{"command":["cat","/tmp/ready"]}}"#).failureMessage(podIP: ip) == "Readiness probe failed: ")
        let unresolved = try probe(#"{"tcpSocket":{"port":"db"}}"#)
        #expect(!unresolved.resolves)
        #expect(unresolved.failureMessage(podIP: ip)
            == #"Readiness probe errored and resulted in unknown state: strconv.Atoi: parsing "db": invalid syntax"#)
    }
}
