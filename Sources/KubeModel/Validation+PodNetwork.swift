import Glibc

/// The pod's network rules (v1.32): host-network ports, `dnsConfig` and `hostAliases`.
enum PodNetworkRules {
    /// `validatePodHostNetworkDeps`: on the host's network a container port is its host port. Templates leave an unset
    /// host port alone (only Pods default it).
    static func hostNetworkPorts(_ spec: [String: JSONValue], at path: String) -> [FieldError] {
        guard spec["hostNetwork"]?.boolValue == true else { return [] }
        var errors: [FieldError] = []
        for (containerIndex, container) in (spec["containers"]?.arrayValue ?? []).enumerated() {
            for (portIndex, port) in container.list("ports").enumerated() {
                let hostPort = port["hostPort"]?.intValue ?? 0
                guard hostPort != 0, hostPort != port["containerPort"]?.intValue ?? 0 else { continue }
                errors.append(FieldError(.invalid, "\(path).containers[\(containerIndex)].ports[\(portIndex)].hostPort",
                                         value: String(hostPort), detail: "must match `containerPort` when `hostNetwork` is true"))
            }
        }
        return errors
    }

    /// `validatePodDNSConfig`.
    static func dnsConfig(_ spec: [String: JSONValue], at path: String) -> [FieldError] {
        let config = spec["dnsConfig"].isUnset ? nil : spec["dnsConfig"]
        let configPath = path + ".dnsConfig"
        if spec["dnsPolicy"]?.stringValue == "None" {
            guard let config else {
                return [FieldError(.required, configPath, detail: "must provide `dnsConfig` when `dnsPolicy` is None")]
            }
            if config.list("nameservers").isEmpty {
                return [FieldError(.required, configPath + ".nameservers",
                                   detail: "must provide at least one DNS nameserver when `dnsPolicy` is None")]
            }
        }
        guard let config else { return [] }
        var errors: [FieldError] = []
        let nameservers = config.list("nameservers").map { $0.stringValue ?? "" }
        if nameservers.count > 3 {
            errors.append(FieldError(.invalid, configPath + ".nameservers", value: GoSyntax.stringSlice(nameservers),
                                     detail: "must not have more than 3 nameservers"))
        }
        for (index, nameserver) in nameservers.enumerated() where !isIP(nameserver) {
            errors.append(FieldError(.invalid, "\(configPath).nameservers[\(index)]", value: goQuoted(nameserver), detail: ipMessage))
        }
        let searches = config.list("searches").map { $0.stringValue ?? "" }
        if searches.count > 32 {
            errors.append(FieldError(.invalid, configPath + ".searches", value: GoSyntax.stringSlice(searches),
                                     detail: "must not have more than 32 search paths"))
        }
        if searches.joined(separator: " ").utf8.count > 2048 {
            errors.append(FieldError(.invalid, configPath + ".searches", value: GoSyntax.stringSlice(searches),
                                     detail: "must not have more than 2048 characters (including spaces) in the search list"))
        }
        for (index, search) in searches.enumerated() {
            let domain = search.hasSuffix(".") ? String(search.dropLast()) : search
            errors += FieldError.invalid(domain, at: "\(configPath).searches[\(index)]", NameRules.dns1123Subdomain(domain))
        }
        for (index, option) in config.list("options").enumerated() where option.string("name").isEmpty {
            errors.append(FieldError(.required, "\(configPath).options[\(index)]", detail: "must not be empty"))
        }
        return errors
    }

    static func hostAliases(_ aliases: [JSONValue], at path: String) -> [FieldError] {
        var errors: [FieldError] = []
        for (index, alias) in aliases.enumerated() {
            let ip = alias.string("ip")
            if !isIP(ip) {
                errors.append(FieldError(.invalid, "\(path)[\(index)].ip", value: goQuoted(ip), detail: ipMessage))
            }
            for (hostIndex, host) in alias.list("hostnames").enumerated() {
                let name = host.stringValue ?? ""
                errors += FieldError.invalid(name, at: "\(path)[\(index)].hostnames[\(hostIndex)]", NameRules.dns1123Subdomain(name))
            }
        }
        return errors
    }

    private static let ipMessage = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"

    /// `netutils.ParseIPSloppy`: IPv4 octets may have leading zeros; IPv6 as the C library reads it.
    static func isIP(_ text: String) -> Bool {
        if text.contains(":") {
            var address = in6_addr()
            return inet_pton(AF_INET6, text, &address) == 1
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            !part.isEmpty && part.utf8.allSatisfy(NameRules.isDigit) && (Int(part) ?? 256) <= 255
        }
    }
}
