/// `validateContainers` / `validateInitContainers` from core validation (v1.32).
enum ContainerRules {
    static let supportedProtocols: Set<String> = ["TCP", "UDP", "SCTP"]

    /// What the checks of one container need from its pod: the volumes that passed validation, by name, and the
    /// grace period a `sleep` hook must fit in.
    struct PodContext {
        var volumes: [String: JSONValue]
        var gracePeriod: Int
    }

    /// Regular containers: at least one, each valid, names unique, hooks and probes valid, no per-container
    /// `restartPolicy`, and no two ports claiming the same host port.
    static func containers(_ containers: [Container], pod: PodContext, at path: String) -> [FieldError] {
        guard !containers.isEmpty else { return [FieldError(.required, path)] }
        var errors: [FieldError] = []
        var names: Set<String> = []
        for (index, container) in containers.enumerated() {
            let itemPath = "\(path)[\(index)]"
            errors += container.commonValidationErrors(pod: pod, at: itemPath)
            if !names.insert(container.name).inserted {
                errors.append(FieldError(.duplicate, itemPath + ".name", value: goQuoted(container.name)))
            }
            errors += container.hookAndProbeErrors(gracePeriod: pod.gracePeriod, at: itemPath)
            if !container.raw["restartPolicy"].isUnset {
                errors.append(FieldError(.forbidden, itemPath + ".restartPolicy",
                                         detail: "may not be set for non-init containers"))
            }
        }
        return errors + hostPortConflicts(containers, at: path)
    }

    /// Init containers: the common checks, `restartPolicy` only `Always` (a sidecar), names unique across regular
    /// and init containers, and no lifecycle or probes unless the init container is a sidecar (whose are checked).
    static func initContainers(_ containers: [Container], regular: [Container], pod: PodContext, at path: String)
        -> [FieldError]
    {
        var errors: [FieldError] = []
        var names = Set(regular.map(\.name))
        for (index, container) in containers.enumerated() {
            let itemPath = "\(path)[\(index)]"
            errors += container.commonValidationErrors(pod: pod, at: itemPath)
            var sidecar = false
            if !container.raw["restartPolicy"].isUnset {
                let policy = container.raw["restartPolicy"]?.stringValue ?? ""
                sidecar = policy == "Always"
                if !sidecar {
                    errors.append(FieldError(.notSupported(allowed: ["Always"]), itemPath + ".restartPolicy",
                                             value: goQuoted(policy)))
                }
            }
            if names.contains(container.name) {
                errors.append(FieldError(.duplicate, itemPath + ".name", value: goQuoted(container.name)))
            } else if !container.name.isEmpty {
                names.insert(container.name)
            }
            // Upstream checks each init container on its own, so the reported index is always [0].
            errors += hostPortConflicts([container], at: path)
            guard !sidecar else {
                errors += container.hookAndProbeErrors(gracePeriod: pod.gracePeriod, at: itemPath)
                continue
            }
            for key in ["lifecycle", "livenessProbe", "readinessProbe", "startupProbe"]
            where !container.raw[key].isUnset {
                errors.append(FieldError(.forbidden, "\(itemPath).\(key)",
                                         detail: "may not be set for init containers without restartPolicy=Always"))
            }
        }
        return errors
    }

    /// `AccumulateUniqueHostPorts`: a `protocol/hostIP/hostPort` triple may be claimed once.
    static func hostPortConflicts(_ containers: [Container], at path: String) -> [FieldError] {
        var errors: [FieldError] = []
        var claimed: Set<String> = []
        for (containerIndex, container) in containers.enumerated() {
            for (portIndex, port) in (container.raw["ports"]?.arrayValue ?? []).enumerated() {
                let hostPort = port["hostPort"]?.intValue ?? 0
                guard hostPort != 0 else { continue }
                let protocolName = port["protocol"]?.stringValue ?? ""
                let key = "\(protocolName)/\(port["hostIP"]?.stringValue ?? "")/\(hostPort)"
                if !claimed.insert(key).inserted {
                    errors.append(FieldError(.duplicate, "\(path)[\(containerIndex)].ports[\(portIndex)].hostPort",
                                             value: goQuoted(key)))
                }
            }
        }
        return errors
    }
}

extension Container {
    /// `validateContainerCommon`: name, image, terminationMessagePolicy, ports, env, envFrom, volume mounts and devices,
    /// imagePullPolicy, resource quantities and the security context (`resizePolicy` was dropped, its gate being off).
    /// A blank image passes here: upstream only rejects surrounding whitespace for Pods.
    func commonValidationErrors(pod: ContainerRules.PodContext, at path: String) -> [FieldError] {
        var errors: [FieldError] = []
        if name.isEmpty {
            errors.append(FieldError(.required, path + ".name"))
        } else {
            errors += FieldError.invalid(name, at: path + ".name", NameRules.dns1123Label(name))
        }
        if image.isEmpty { errors.append(FieldError(.required, path + ".image")) }
        errors += enumErrors("terminationMessagePolicy", allowed: ["File", "FallbackToLogsOnError"], at: path)
        errors += portErrors(at: path + ".ports")
        errors += envErrors(at: path + ".env")
        errors += envFromErrors(at: path + ".envFrom")
        errors += volumeMountErrors(volumes: pod.volumes, at: path + ".volumeMounts")
        errors += volumeDeviceErrors(volumes: pod.volumes, at: path + ".volumeDevices")
        errors += enumErrors("imagePullPolicy", allowed: ["Always", "IfNotPresent", "Never"], at: path)
        errors += resourceErrors(at: path + ".resources")
        if let context = raw["securityContext"], context != .null {
            errors += SecurityContextRules.container(context, at: path + ".securityContext")
        }
        return errors
    }

    /// `validateContainersOnlyForPod`: what a Pod (not a template) additionally requires of its containers.
    /// The ReplicaSet controller's pod creation fails on these, although the Deployment was accepted.
    public func podOnlyValidationErrors(at path: String) -> [FieldError] {
        guard image.first?.isWhitespace == true || image.last?.isWhitespace == true else { return [] }
        return [FieldError(.invalid, path + ".image", value: goQuoted(image),
                           detail: "must not have leading or trailing whitespace")]
    }

    /// `validateContainerPorts`.
    private func portErrors(at path: String) -> [FieldError] {
        var errors: [FieldError] = []
        var names: Set<String> = []
        for (index, port) in (raw["ports"]?.arrayValue ?? []).enumerated() {
            let itemPath = "\(path)[\(index)]"
            if let name = port["name"]?.stringValue, !name.isEmpty {
                let messages = NameRules.portName(name)
                if !messages.isEmpty {
                    errors += FieldError.invalid(name, at: itemPath + ".name", messages)
                } else if !names.insert(name).inserted {
                    errors.append(FieldError(.duplicate, itemPath + ".name", value: goQuoted(name)))
                }
            }
            let containerPort = port["containerPort"]?.intValue ?? 0
            if containerPort == 0 {
                errors.append(FieldError(.required, itemPath + ".containerPort"))
            } else {
                errors += NameRules.portNumber(containerPort).map {
                    FieldError(.invalid, itemPath + ".containerPort", value: String(containerPort), detail: $0)
                }
            }
            let hostPort = port["hostPort"]?.intValue ?? 0
            if hostPort != 0 {
                errors += NameRules.portNumber(hostPort).map {
                    FieldError(.invalid, itemPath + ".hostPort", value: String(hostPort), detail: $0)
                }
            }
            let protocolName = port["protocol"]?.stringValue ?? ""
            if protocolName.isEmpty {
                errors.append(FieldError(.required, itemPath + ".protocol"))
            } else if !ContainerRules.supportedProtocols.contains(protocolName) {
                let allowed = ContainerRules.supportedProtocols.sorted()
                errors.append(FieldError(.notSupported(allowed: allowed), itemPath + ".protocol",
                                         value: goQuoted(protocolName)))
            }
        }
        return errors
    }

    /// `ValidateEnv`: each variable's name (required, then the relaxed printable-ASCII rule), then its `valueFrom`.
    private func envErrors(at path: String) -> [FieldError] {
        var errors: [FieldError] = []
        for (index, variable) in env.enumerated() {
            let name = variable["name"]?.stringValue ?? ""
            let namePath = "\(path)[\(index)].name"
            if name.isEmpty {
                errors.append(FieldError(.required, namePath))
            } else {
                errors += FieldError.invalid(name, at: namePath, NameRules.relaxedEnvVarName(name))
            }
            errors += Container.valueFromErrors(variable, at: "\(path)[\(index)].valueFrom")
        }
        return errors
    }

    private func enumErrors(_ key: String, allowed: [String], at path: String) -> [FieldError] {
        FieldError.oneOf(raw[key]?.stringValue ?? "", allowed, at: "\(path).\(key)")
    }
}
