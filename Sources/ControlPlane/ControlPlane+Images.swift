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

    private func changeNode(_ events: [ClusterEvent]) throws {
        try store.write(command: newCommandInfo()) { writer in
            var node = try writer.node()
            var pending: [PendingEvent] = []
            var sequence = writer.nextSequence
            for event in events {
                node.apply(event, at: now)
                node.version += 1
                pending.append(PendingEvent(stream: .node, event: event, actor: actor, sequence: sequence, time: now))
                sequence += 1
            }
            try writer.commit(pending, streams: [], node: node)
        }
    }
}
