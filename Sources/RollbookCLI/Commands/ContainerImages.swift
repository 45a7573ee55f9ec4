import KubeModel

/// set_image.go's `setImage` on a Deployment, ReplicaSet or Pod held as JSON (a file's object for `--local`, or the
/// object read for a client dry run): every container and init container of that name, or all of them for `*`, gets
/// the image.
enum ContainerImages {
    /// - Returns: kubectl's error line for each name that matched no container.
    static func set(_ pairs: [(container: String, image: String)], in object: inout JSONValue) -> [String] {
        // A Pod holds its spec itself; the others in their template.
        let path = object["kind"]?.stringValue == "Pod" ? ["spec"] : ["spec", "template", "spec"]
        guard case .object(var podSpec)? = path.reduce(Optional(object), { $0?[$1] }) else {
            return pairs.map { "error: unable to find container named \"\($0.container)\"" }
        }
        var errors: [String] = []
        for (name, image) in pairs {
            var found = false
            for key in ["initContainers", "containers"] {
                guard case .array(var containers) = podSpec[key] else { continue }
                for index in containers.indices where name == "*" || containers[index]["name"]?.stringValue == name {
                    containers[index]["image"] = .string(image)
                    found = true
                }
                podSpec[key] = .array(containers)
            }
            if !found { errors.append("error: unable to find container named \"\(name)\"") }
        }
        object = object.setting(.object(podSpec), at: path[...])
        return errors
    }
}

extension JSONValue {
    /// This object with `value` at `path` (each step an object key).
    fileprivate func setting(_ value: JSONValue, at path: ArraySlice<String>) -> JSONValue {
        guard let key = path.first else { return value }
        var copy = self
        copy[key] = (self[key] ?? .object([:])).setting(value, at: path.dropFirst())
        return copy
    }
}
