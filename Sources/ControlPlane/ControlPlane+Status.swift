import Cluster
import KubeModel

extension ControlPlane {
    /// `PATCH` or `PUT` of a Deployment's `status` subresource, as the status strategy stores it: the status is taken
    /// from `change(live)`, everything else stays as stored. A `resourceVersion` the Deployment has moved past is a
    /// Conflict. Recorded as a status update by the caller; the controller's next sync keeps conditions of types it
    /// does not own, and sets the rest of the status again. A `dryRun` appends nothing.
    ///
    /// - Returns: The Deployment as the write stored it, before any controller acted on it.
    public func updateDeploymentStatus(
        namespace: String, name: String, dryRun: Bool = false, _ change: (JSONValue) throws -> JSONValue
    ) throws -> Deployment {
        var answer: Deployment?
        try mutateDeployment(namespace: namespace, name: name, afterEvent: { answer = $0 }) { live, stream in
            answer = live
            let requested = try change(try JSONValue(encoding: live))
            try CommandError.refusingStale(requested, stored: live.metadata.resourceVersion, Resource.deployments, name)
            // The object is checked as any update's body is; the status is read on its own (manifests drop it).
            _ = try ControlPlane.decodeStrictly(requested)
            let status: DeploymentStatus
            do {
                status = try JSONCodec.decode(DeploymentStatus.self, from: requested["status"] ?? .object([:]))
            } catch {
                let message = "status: \(error)"
                throw CommandError("Error from server (BadRequest): \(message)", status: .badRequest(message))
            }
            if status == live.status { return (nil, ()) }
            let event = ClusterEvent.deploymentStatusUpdated(StatusUpdated(status: status))
            guard dryRun else { return (event, ()) }
            answer = preview(event, on: stream)
            return (nil, ())
        }
        guard let answer else { throw CommandError.notFound(Resource.deployments, name) }
        return answer
    }
}
