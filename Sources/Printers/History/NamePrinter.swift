/// cli-runtime's name printer: `deployment.apps/web created`, one line.
///
/// - Parameters:
///   - kind: The lower-cased `kind.group`, e.g. `deployment.apps` (lower-cased here if it is not).
///   - name: The object name.
///   - operation: The verb or text after the name; when empty, only `kind/name` is printed.
public func namePrinter(kind: String, name: String, operation: String) -> String {
    nameLine(resource: "\(kind.lowercased())/\(name)", operation: operation)
}

/// The name printer's line for an already formed `kind.group/name`.
public func nameLine(resource: String, operation: String) -> String {
    operation.isEmpty ? "\(resource)\n" : "\(resource) \(operation)\n"
}
