import KubeModel

/// set_image.go's `setImage` on a Deployment held as JSON (a file's object for `--local`, or the object read for a
/// client dry run): every container and init container of that name, or all of them for `*`, gets the image.
enum ContainerImages {
    /// - Returns: kubectl's error line for each name that matched no container.
    static func set(_ pairs: [(container: String, image: String)], in object: inout JSONValue) -> [String] {
        guard case .object(var root) = object, case .object(var spec) = root["spec"],
            case .object(var template) = spec["template"], case .object(var podSpec) = template["spec"]
        else { return pairs.map { "error: unable to find container named \"\($0.container)\"" } }
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
        template["spec"] = .object(podSpec)
        spec["template"] = .object(template)
        root["spec"] = .object(spec)
        object = .object(root)
        return errors
    }
}
