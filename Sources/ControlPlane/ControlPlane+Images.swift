import Cluster
import Controllers
import KubeModel

extension ControlPlane {
    /// `rollbook images load`: puts images into the simulated node's cache, then lets every Deployment
    /// retry pods that were waiting for them.
    public func loadImages(_ images: [String], startupSeconds: Int, behaviour: ImageBehaviour) throws {
        try changeNode(images.map { .imageLoaded(ImageLoaded(image: $0, startupSeconds: startupSeconds, behaviour: behaviour)) })
    }

    /// `rollbook images rm`.
    public func removeImages(_ images: [String]) throws {
        let present = try read { try $0.images().map(\.image) }
        for image in images where !present.contains(image) {
            throw CommandError("Error from server (NotFound): images \"\(image)\" not found")
        }
        try changeNode(images.map { .imageRemoved(ImageRef(image: $0)) })
    }

    /// `rollbook images block`: pulls of these images fail until unblocked.
    public func blockImages(_ images: [String]) throws {
        try changeNode(images.map { .imageBlocked(ImageRef(image: $0)) })
    }

    /// `rollbook images unblock`.
    public func unblockImages(_ images: [String]) throws {
        try changeNode(images.map { .imageUnblocked(ImageRef(image: $0)) })
    }

    /// Changes the node, then lets every Deployment react (pods waiting for an image may now start).
    private func changeNode(_ events: [ClusterEvent]) throws {
        try store.write(command: newCommandInfo()) { writer in
            var simulation = try Simulation(writer: writer, now: now)
            try simulation.catchUp()
            for event in events { simulation.emitNode(event, actor: actor) }
            for id in try writer.reader.deploymentStreams(namespace: nil) {
                try simulation.run(id, at: now) { $0.reconcile() }
            }
            try writer.commit(simulation)
        }
    }
}
