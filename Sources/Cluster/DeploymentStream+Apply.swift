import KubeModel

extension DeploymentStream {
    /// Folds one event into the state. `sequence` is the event's global sequence number: it becomes the
    /// `resourceVersion` of whatever the event touched. Events are facts: inconsistent ones are ignored.
    public mutating func apply(_ event: ClusterEvent, sequence: Int64, at time: Timestamp) {
        let resourceVersion = String(sequence)
        lastEventTime = time
        switch event {
        case .deploymentCreated(let object):
            var created = object.deployment
            created.metadata.resourceVersion = resourceVersion
            deployment = created
        case .deploymentConfigured(let object):
            updateDeployment(resourceVersion) { current in
                current.metadata.labels = object.deployment.metadata.labels
                current.metadata.annotations = object.deployment.metadata.annotations
                current.spec = object.deployment.spec
            }
        case .imageSet(let change):
            updateDeployment(resourceVersion) { current in
                current.spec.template.spec.containers = Self.setting(change.images, in: current.spec.template.spec.containers)
                if let initImages = change.initImages {
                    current.spec.template.spec.initContainers =
                        Self.setting(initImages, in: current.spec.template.spec.initContainers)
                }
                if let cause = change.changeCause { current.metadata[annotation: AnnotationKey.changeCause] = cause }
            }
        case .deploymentScaled(let scale):
            updateDeployment(resourceVersion) { $0.spec.replicas = scale.to }
        case .deploymentPaused:
            updateDeployment(resourceVersion) { $0.spec.paused = true }
        case .deploymentResumed:
            updateDeployment(resourceVersion) { $0.spec.paused = nil }
        case .deploymentRolledBack(let rollback):
            updateDeployment(resourceVersion) { current in
                current.spec.template = rollback.template
                current.metadata.annotations = rollback.annotations.isEmpty ? nil : rollback.annotations
            }
        case .deploymentAnnotated(let change):
            updateDeployment(resourceVersion) { current in
                for key in change.removed { current.metadata[annotation: key] = nil }
                for (key, value) in change.set { current.metadata[annotation: key] = value }
            }
        case .deploymentRestarted(let restart):
            updateDeployment(resourceVersion) { current in
                var annotations = current.spec.template.metadata.annotations ?? [:]
                annotations[AnnotationKey.restartedAt] = restart.restartedAt
                current.spec.template.metadata.annotations = annotations
            }
        case .deploymentDeleted(let deletion):
            // With `--cascade=orphan` the orphan finalizer strips the owner references before the object goes.
            if deletion.cascade == "orphan", let uid = deployment?.metadata.uid {
                for (name, rs) in replicaSets where rs.metadata.controllerRef?.uid == uid {
                    replicaSets[name]?.metadata.droppingController()
                    replicaSets[name]?.metadata.resourceVersion = resourceVersion
                }
            }
            deployment = nil
        case .deploymentStatusUpdated(let update):
            deployment?.status = update.status
            deployment?.metadata.resourceVersion = resourceVersion
        case .deploymentRevisionSet(let update):
            deployment?.metadata[annotation: AnnotationKey.revision] = update.revision
            deployment?.metadata.resourceVersion = resourceVersion
        default:
            applyToReplicaSetsAndPods(event, sequence: sequence, at: time)
        }
    }

    /// The containers with the images `images` names for them.
    private static func setting(_ images: [String: String], in containers: [Container]) -> [Container] {
        containers.map { container in
            var container = container
            if let image = images[container.name] { container.image = image }
            return container
        }
    }

    /// A user update: spec or annotation changes bump `metadata.generation`, as the registry strategy does.
    private mutating func updateDeployment(_ resourceVersion: String, _ change: (inout Deployment) -> Void) {
        guard var current = deployment else { return }
        let before = current
        change(&current)
        if current.spec != before.spec || current.metadata.annotations != before.metadata.annotations {
            current.metadata.generation = (current.metadata.generation ?? 0) + 1
        }
        current.metadata.resourceVersion = resourceVersion
        deployment = current
    }
}
