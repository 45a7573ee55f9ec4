/// A container's readiness, liveness or startup probe, as the kubelet's prober schedules and words it
/// (pkg/kubelet/prober).
///
/// The prober's worker probes once per `periodSeconds` and skips probes until `initialDelaySeconds` have passed
/// since the container started; the first probe after the delay, on that period's grid, is the first that runs.
/// A result counts once it repeats `successThreshold` (or `failureThreshold`) times in a row. The simulated node has
/// no jitter: the grid starts at the container's start, and the probe at the start itself runs when there is no
/// delay (the status update that reports the start triggers one at once).
public struct ContainerProbe: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case readiness = "Readiness", liveness = "Liveness", startup = "Startup"

        var field: String { rawValue.prefix(1).lowercased() + rawValue.dropFirst() + "Probe" }
    }

    public enum Handler: Sendable, Hashable {
        case httpGet(scheme: String, host: String?, port: Int?, path: String)
        case tcpSocket(host: String?, port: Int?)
        case grpc(port: Int, timeoutSeconds: Int64)
        case exec
    }

    public var kind: Kind
    public var initialDelaySeconds: Int64
    public var periodSeconds: Int64
    public var successThreshold: Int
    public var failureThreshold: Int
    public var handler: Handler
    /// A port name neither declared by the container nor a number: the prober's last try, `strconv.Atoi`, fails.
    public var unresolvedPort: String?

    /// Whether the probe can run at all (its port resolves).
    public var resolves: Bool { unresolvedPort == nil }

    /// The container's probe of `kind`, with API defaults for what it leaves out; nil without one.
    public init?(_ container: Container, _ kind: Kind = .readiness) {
        guard let probe = container.raw[kind.field]?.objectValue else { return nil }
        self.kind = kind
        func seconds(_ key: String, _ fallback: Int64) -> Int64 {
            probe[key]?.intValue.map(Int64.init).flatMap { $0 > 0 ? $0 : nil } ?? fallback
        }
        initialDelaySeconds = Int64(max(probe["initialDelaySeconds"]?.intValue ?? 0, 0))
        periodSeconds = seconds("periodSeconds", 10)
        successThreshold = Int(seconds("successThreshold", 1))
        failureThreshold = Int(seconds("failureThreshold", 3))
        let timeout = seconds("timeoutSeconds", 1)
        let port = (probe["httpGet"] ?? probe["tcpSocket"])?["port"]
        unresolvedPort = port.flatMap { Self.port($0, of: container) == nil ? $0.stringValue : nil }
        if let http = probe["httpGet"]?.objectValue {
            handler = .httpGet(
                scheme: (http["scheme"]?.stringValue ?? "HTTP").lowercased(), host: http["host"]?.stringValue,
                port: Self.port(http["port"], of: container), path: http["path"]?.stringValue ?? "/")
        } else if let tcp = probe["tcpSocket"]?.objectValue {
            handler = .tcpSocket(host: tcp["host"]?.stringValue, port: Self.port(tcp["port"], of: container))
        } else if let grpc = probe["grpc"]?.objectValue {
            handler = .grpc(port: grpc["port"]?.intValue ?? 0, timeoutSeconds: timeout)
        } else {
            handler = .exec
        }
    }

    /// A port number, or a name looked up among the container's ports (`probe.ResolveContainerPort`).
    private static func port(_ value: JSONValue?, of container: Container) -> Int? {
        if let number = value?.intValue { return number }
        guard let name = value?.stringValue else { return nil }
        if let number = Int(name) { return number }
        return container.ports.first { $0.name == name }?.containerPort
    }

    /// Whether the prober probes at `time` a container started at `startedAt`.
    public func probes(at time: Timestamp, startedAt: Timestamp) -> Bool {
        let elapsed = time.seconds - startedAt.seconds
        return elapsed >= initialDelaySeconds && elapsed % periodSeconds == 0
    }

    /// The first probe strictly after `time`.
    public func nextProbe(after time: Timestamp, startedAt: Timestamp) -> Timestamp {
        let first = (initialDelaySeconds + periodSeconds - 1) / periodSeconds * periodSeconds
        let elapsed = time.seconds - startedAt.seconds
        let next = elapsed < first ? first : (elapsed / periodSeconds + 1) * periodSeconds
        return startedAt.adding(seconds: next)
    }

    // MARK: - Liveness and startup

    // Their workers tick on their own period from when the pod was admitted (`origin`), and nothing triggers them when
    // a container starts: a container is probed at the ticks after its start once `initialDelaySeconds` have passed.

    /// Whether the worker probes at `time` a container started at `startedAt`.
    public func ticks(at time: Timestamp, startedAt: Timestamp, origin: Timestamp) -> Bool {
        time > startedAt && time.seconds - startedAt.seconds >= initialDelaySeconds
            && (time.seconds - origin.seconds) % periodSeconds == 0
    }

    /// The worker's first probe strictly after `time`.
    public func nextTick(after time: Timestamp, startedAt: Timestamp, origin: Timestamp) -> Timestamp {
        let earliest = max(time.seconds + 1, startedAt.seconds + max(initialDelaySeconds, 1))
        let periods = (earliest - origin.seconds + periodSeconds - 1) / periodSeconds
        return Timestamp(seconds: origin.seconds + max(periods, 0) * periodSeconds)
    }

    /// The worker's first probe at or after `time`.
    public func firstTick(from time: Timestamp, startedAt: Timestamp, origin: Timestamp) -> Timestamp {
        ticks(at: time, startedAt: startedAt, origin: origin)
            ? time : nextTick(after: time, startedAt: startedAt, origin: origin)
    }

    /// The `failureThreshold`-th probe from `time` on: where a run of failures from `time` reaches the threshold.
    public func lastTolerated(from time: Timestamp, startedAt: Timestamp, origin: Timestamp) -> Timestamp {
        var probe = firstTick(from: time, startedAt: startedAt, origin: origin)
        for _ in 1..<max(failureThreshold, 1) { probe = nextTick(after: probe, startedAt: startedAt, origin: origin) }
        return probe
    }

    /// When a container started at `startedAt`, whose application answers from `up` on, turns ready: at its
    /// `successThreshold`-th probe from `up` on.
    public func readyTime(appUpAt up: Timestamp, startedAt: Timestamp) -> Timestamp {
        var time = probes(at: up, startedAt: startedAt) ? up : nextProbe(after: up, startedAt: startedAt)
        for _ in 1..<max(successThreshold, 1) { time = nextProbe(after: time, startedAt: startedAt) }
        return time
    }

    /// The Event message of a failed probe of an application that does not answer yet: the error Go's HTTP client,
    /// dialer or gRPC client gives for a refused connection to `podIP` (an exec probe's command printed nothing).
    /// A probe whose port does not resolve errs instead (`"%s probe errored and resulted in %s state: %s"`).
    public func failureMessage(podIP: String) -> String {
        if let unresolvedPort {
            return "\(kind.rawValue) probe errored and resulted in unknown state: strconv.Atoi: parsing \"\(unresolvedPort)\": invalid syntax"
        }
        let output: String
        switch handler {
        case .httpGet(_, _, nil, _), .tcpSocket(_, nil):
            output = ""
        case .httpGet(let scheme, let host, let port?, let path):
            let address = "\(host ?? podIP):\(port)"
            let url = "\(scheme)://\(address)\(path.hasPrefix("/") ? "" : "/")\(path)"
            output = "Get \"\(url)\": dial tcp \(address): connect: connection refused"
        case .tcpSocket(let host, let port?):
            output = "dial tcp \(host ?? podIP):\(port): connect: connection refused"
        case .grpc(let port, let timeout):
            output = "timeout: failed to connect service \"\(podIP):\(port)\" within \(Self.goDuration(timeout)): "
                + "context deadline exceeded"
        case .exec:
            output = ""
        }
        return "\(kind.rawValue) probe failed: " + output
    }

    /// Whole seconds as Go's `time.Duration` prints them: `1s`, `1m30s`, `1h0m0s`.
    static func goDuration(_ seconds: Int64) -> String {
        let (hours, minutes, rest) = (seconds / 3600, seconds % 3600 / 60, seconds % 60)
        if hours > 0 { return "\(hours)h\(minutes)m\(rest)s" }
        return minutes > 0 ? "\(minutes)m\(rest)s" : "\(rest)s"
    }
}
