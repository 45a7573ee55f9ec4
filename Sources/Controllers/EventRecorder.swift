import Cluster
import KubeModel

extension Reconciler {
    /// Records a Kubernetes Event through a simulated EventCorrelator: identical events bump `count`;
    /// from the tenth distinct message of the same reason within ten minutes, messages are combined.
    mutating func record(
        about object: KubeEvent.InvolvedObject, type: String, reason: String, message: String, source: String
    ) {
        var event = KubeEvent(
            name: "", namespace: object.namespace, involvedObject: object, type: type, reason: reason,
            message: message, source: source, count: 1, firstTimestamp: now, lastTimestamp: now)
        let aggregateKey = EventCorrelation.aggregateKey(event)
        var seen = stream.aggregates[aggregateKey]?.messages ?? []
        if let last = stream.aggregates[aggregateKey]?.lastTimestamp,
            now.seconds - last.seconds > EventCorrelation.aggregateWindowSeconds
        {
            seen = []
        }
        let combined = !seen.contains(message) && seen.count >= EventCorrelation.maxSimilarEvents - 1
        if combined {
            event.message = EventCorrelation.combinedPrefix + message
            event.involvedObject.fieldPath = nil
        }
        let existing = recorded(about: object) { candidate in
            combined
                ? candidate.message.hasPrefix(EventCorrelation.combinedPrefix) && EventCorrelation.sameAggregate(candidate, event)
                : EventCorrelation.sameEvent(candidate, event)
        }
        if let existing {
            event.name = existing.name
            event.count = existing.count + 1
            event.firstTimestamp = existing.firstTimestamp
        } else {
            // Upstream names events `<object>.<hex UnixNano>`; the stream's counter stands in for nanoseconds.
            let nanos = UInt64(max(0, now.seconds)) &* 1_000_000_000 &+ UInt64(stream.eventSequence)
            event.name = "\(object.name).\(String(nanos, radix: 16))"
        }
        emit(.kubeEventRecorded(event), actor: source)
    }

    /// The first Event (by name) about `object` that `matches`. Every Event is named `<object>.<hex>` here, so only
    /// names with that prefix are looked at: comparing every Event of a busy stream, each copied out of the map,
    /// was 5% of a command.
    private func recorded(about object: KubeEvent.InvolvedObject, matches: (KubeEvent) -> Bool) -> KubeEvent? {
        let prefix = object.name + "."
        for name in stream.events.keys.filter({ $0.hasPrefix(prefix) }).sorted() {
            if let candidate = stream.events[name], matches(candidate) { return candidate }
        }
        return nil
    }

    mutating func recordDeploymentEvent(type: String, reason: String, message: String) {
        let d = deployment
        record(
            about: KubeEvent.InvolvedObject(
                kind: "Deployment", namespace: d.namespace, name: d.name, uid: d.metadata.uid ?? "",
                apiVersion: "apps/v1"),
            type: type, reason: reason, message: message, source: Actor.deploymentController)
    }

    mutating func recordReplicaSetEvent(_ rs: ReplicaSet, type: String, reason: String, message: String) {
        record(
            about: KubeEvent.InvolvedObject(
                kind: "ReplicaSet", namespace: rs.metadata.namespace ?? "default", name: rs.name,
                uid: rs.metadata.uid ?? "", apiVersion: "apps/v1"),
            type: type, reason: reason, message: message, source: Actor.replicaSetController)
    }

    /// - Parameter field: Where the container is in the pod's spec: `containers` or `initContainers`.
    mutating func recordPodEvent(
        _ pod: Pod, container: String? = nil, field: String = "containers", type: String, reason: String,
        message: String, source: String
    ) {
        record(about: podObject(pod, container: container, field: field), type: type, reason: reason, message: message,
               source: source)
    }

    /// Whether an Event of `reason` and `message` about the pod's container has been recorded at this second (each
    /// probe kind words its failures apart, so a readiness and a liveness failure in one second are two).
    func recordedNow(_ pod: Pod, container: String, field: String, reason: String, message: String) -> Bool {
        let object = podObject(pod, container: container, field: field)
        return recorded(about: object) {
            $0.reason == reason && $0.message == message && $0.lastTimestamp == now && $0.involvedObject == object
        } != nil
    }

    private func podObject(_ pod: Pod, container: String?, field: String) -> KubeEvent.InvolvedObject {
        KubeEvent.InvolvedObject(
            kind: "Pod", namespace: pod.metadata.namespace ?? "default", name: pod.name,
            uid: pod.metadata.uid ?? "", apiVersion: "v1", fieldPath: container.map { "spec.\(field){\($0)}" })
    }
}
