extension Container {
    /// The hooks, then the liveness, readiness and startup probes, as `validateContainers` checks them after the
    /// common rules. `gracePeriod` is the pod's `terminationGracePeriodSeconds` (a sleep hook must fit in it).
    func hookAndProbeErrors(gracePeriod: Int, at path: String) -> [FieldError] {
        var errors: [FieldError] = []
        if let lifecycle = raw["lifecycle"], lifecycle != .null {
            for hook in ["postStart", "preStop"] {
                guard let handler = lifecycle[hook], handler != .null else { continue }
                errors += HandlerRules.errors(handler, kinds: HandlerRules.hookKinds, gracePeriod: gracePeriod,
                                              at: "\(path).lifecycle.\(hook)")
            }
        }
        for kind in ["livenessProbe", "readinessProbe", "startupProbe"] {
            guard let probe = raw[kind], probe != .null else { continue }
            errors += HandlerRules.probeErrors(probe, kind: kind, gracePeriod: gracePeriod, at: "\(path).\(kind)")
        }
        return errors
    }
}

/// `validateProbe` and `validateHandler` (v1.32).
enum HandlerRules {
    static let probeKinds = ["exec", "httpGet", "tcpSocket", "grpc"]
    static let hookKinds = ["exec", "httpGet", "tcpSocket", "sleep"]

    static func probeErrors(_ probe: JSONValue, kind: String, gracePeriod: Int, at path: String) -> [FieldError] {
        var errors = errors(probe, kinds: probeKinds, gracePeriod: gracePeriod, at: path)
        for key in ["initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold"] {
            errors += FieldError.nonNegative(probe[key]?.intValue ?? 0, at: "\(path).\(key)")
        }
        let grace = probe["terminationGracePeriodSeconds"]?.intValue
        if let grace, grace <= 0 {
            errors.append(FieldError(.invalid, path + ".terminationGracePeriodSeconds", value: String(grace),
                                     detail: "must be greater than 0"))
        }
        if kind == "readinessProbe" {
            if let grace {
                errors.append(FieldError(.invalid, path + ".terminationGracePeriodSeconds", value: String(grace),
                                         detail: "must not be set for readinessProbes"))
            }
        } else if let threshold = probe["successThreshold"]?.intValue, threshold != 1 {
            errors.append(FieldError(.invalid, path + ".successThreshold", value: String(threshold), detail: "must be 1"))
        }
        return errors
    }

    /// One handler kind, checked; any further one refused unchecked; none at all required.
    static func errors(_ handler: JSONValue, kinds: [String], gracePeriod: Int, at path: String) -> [FieldError] {
        var errors: [FieldError] = []
        var found = false
        for kind in kinds {
            guard let action = handler[kind], action != .null else { continue }
            if found {
                errors.append(FieldError(.forbidden, "\(path).\(kind)", detail: "may not specify more than 1 handler type"))
                continue
            }
            found = true
            errors += actionErrors(kind, action, gracePeriod: gracePeriod, at: "\(path).\(kind)")
        }
        if !found { errors.append(FieldError(.required, path, detail: "must specify a handler type")) }
        return errors
    }

    private static func actionErrors(_ kind: String, _ action: JSONValue, gracePeriod: Int, at path: String) -> [FieldError] {
        switch kind {
        case "exec":
            return action.list("command").isEmpty ? [FieldError(.required, path + ".command")] : []
        case "httpGet":
            var errors: [FieldError] = []
            if action.string("path").isEmpty { errors.append(FieldError(.required, path + ".path")) }
            errors += portNumberOrName(action["port"], at: path + ".port")
            let scheme = action.string("scheme")
            if scheme != "HTTP" && scheme != "HTTPS" {
                errors.append(FieldError(.notSupported(allowed: ["HTTP", "HTTPS"]), path + ".scheme", value: goQuoted(scheme)))
            }
            for header in action.list("httpHeaders") {
                let name = header.string("name")
                if !isHTTPHeaderName(name) {
                    errors.append(FieldError(.invalid, path + ".httpHeaders", value: goQuoted(name), detail: httpHeaderMessage))
                }
            }
            return errors
        case "tcpSocket", "grpc":
            return portNumberOrName(action["port"], at: path + ".port")
        case "sleep":
            let seconds = action["seconds"]?.intValue ?? 0
            guard seconds <= 0 || seconds > gracePeriod else { return [] }
            return [FieldError(.invalid, path, value: String(seconds),
                               detail: "must be greater than 0 and less than terminationGracePeriodSeconds (\(gracePeriod)). "
                                   + "Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.")]
        default:
            return []
        }
    }

    /// `ValidatePortNumOrName`: a number in range, or a port name.
    static func portNumberOrName(_ port: JSONValue?, at path: String) -> [FieldError] {
        if let name = port?.stringValue { return FieldError.invalid(name, at: path, NameRules.portName(name)) }
        let number = port?.intValue ?? 0
        return NameRules.portNumber(number).map { FieldError(.invalid, path, value: String(number), detail: $0) }
    }

    private static let httpHeaderMessage = NameRules.regexError(
        "a valid HTTP header must consist of alphanumeric characters or '-'", format: "[-A-Za-z0-9]+",
        examples: ["X-Header-Name"])

    private static func isHTTPHeaderName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { NameRules.isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }
}
