import Testing
import TestSupport

/// `get events` keeps what kube-apiserver's `--event-ttl=1h` keeps: an Event is listed for an hour after its last
/// occurrence, then gone, though its stream forgets it only when it records another (`describe` too); `--at` lists
/// them as they were; a deleted Deployment's Events stay until their TTL, as in a cluster.
@Suite(.serialized)
struct GetEventsTests {
    @Test func eventsExpireAnHourAfterTheirLastOccurrence() throws {
        let script = ScenarioScript(files: [:], steps: [
            (0, "images load web:1.0"),
            (0, "create deployment web --image=web:1.0"),
            (3600, "get events --field-selector involvedObject.kind=Deployment"),
            (3601, "get events"),
            (3601, "get events -o name"),
            (3601, "get events --at 2026-11-26T15:00:00Z --field-selector involvedObject.kind=ReplicaSet"),
            (3601, "describe deploy web"),
            (3602, "create deployment gone --image=web:1.0"),
            (3602, "delete deploy gone"),
            (3603, "get events --field-selector involvedObject.kind=Deployment"),
        ])
        try expectGolden(try script.run(), named: "fidelity/get-events-ttl.txt")
    }
}
