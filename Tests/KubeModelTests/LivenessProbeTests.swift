import KubeModel
import Testing

/// The liveness and startup workers' schedule (pkg/kubelet/prober worker.go): ticks on their period from the pod's
/// admission, none at a container's start, none before `initialDelaySeconds`; and their failure messages.
@Suite struct LivenessProbeTests {
    private func probe(_ kind: ContainerProbe.Kind, _ json: String) throws -> ContainerProbe {
        let field = kind == .liveness ? "livenessProbe" : "startupProbe"
        let container = Container(raw: try JSONCodec.parse(
            #"{"name":"web","image":"web:1","\#(field)":\#(json)}"#).objectValue ?? [:])
        return try #require(ContainerProbe(container, kind))
    }

    private let origin = Timestamp(seconds: 1_000)

    @Test func theWorkerTicksFromThePodsAdmissionNotTheContainersStart() throws {
        let p = try probe(.liveness, #"{"tcpSocket":{"port":80}}"#)
        #expect(p.failureThreshold == 3 && p.periodSeconds == 10)
        #expect(!p.ticks(at: origin, startedAt: origin, origin: origin))
        #expect(p.nextTick(after: origin, startedAt: origin, origin: origin) == origin.adding(seconds: 10))
        #expect(p.lastTolerated(from: origin, startedAt: origin, origin: origin) == origin.adding(seconds: 30))
        // A container restarted at 30s is probed at the worker's next tick, 40s.
        let restart = origin.adding(seconds: 30)
        #expect(p.firstTick(from: restart, startedAt: restart, origin: origin) == origin.adding(seconds: 40))
        #expect(p.lastTolerated(from: restart, startedAt: restart, origin: origin) == origin.adding(seconds: 60))
    }

    @Test func theInitialDelayHoldsTheFirstTick() throws {
        let p = try probe(.startup, #"{"exec":{"command":["true"]},"initialDelaySeconds":12,"periodSeconds":5,"failureThreshold":2}"#)
        let started = origin.adding(seconds: 1)
        #expect(!p.ticks(at: origin.adding(seconds: 10), startedAt: started, origin: origin))
        #expect(p.firstTick(from: started, startedAt: started, origin: origin) == origin.adding(seconds: 15))
        #expect(p.lastTolerated(from: started, startedAt: started, origin: origin) == origin.adding(seconds: 20))
    }

    @Test func failuresNameTheirProbe() throws {
        let liveness = try probe(.liveness, #"{"httpGet":{"path":"/healthz","port":8080}}"#)
        #expect(liveness.failureMessage(podIP: "10.244.0.7")
            == #"Liveness probe failed: Get "http://10.244.0.7:8080/healthz": dial tcp 10.244.0.7:8080: connect: connection refused"#)
        let startup = try probe(.startup, #"{"tcpSocket":{"port":"http"}}"#)
        #expect(startup.failureMessage(podIP: "10.244.0.7")
            == #"Startup probe errored and resulted in unknown state: strconv.Atoi: parsing "http": invalid syntax"#)
    }
}
