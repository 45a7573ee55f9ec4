import KubeModel

/// describe.go's `DescribeProbe`, e.g. `http-get http://:8080/healthz delay=0s timeout=1s period=10s
/// #success=1 #failure=3`. Unset timings print the API server's defaults.
func describeProbe(_ probe: JSONValue) -> String {
    func number(_ key: String, _ fallback: Int) -> String { probe[key]?.intValue.map(String.init) ?? String(fallback) }
    let attributes = "delay=\(number("initialDelaySeconds", 0))s timeout=\(number("timeoutSeconds", 1))s "
        + "period=\(number("periodSeconds", 10))s #success=\(number("successThreshold", 1)) "
        + "#failure=\(number("failureThreshold", 3))"
    if let exec = probe["exec"] {
        let command = (exec["command"]?.arrayValue ?? []).map(\.goScalar).joined(separator: " ")
        return "exec [\(command)] \(attributes)"
    }
    if let http = probe["httpGet"] {
        let scheme = (http["scheme"]?.goScalar ?? "HTTP").lowercased()
        let host = http["host"]?.goScalar ?? ""
        let port = http["port"]?.goScalar ?? ""
        let authority = port.isEmpty ? host : (host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)")
        // url.URL.String puts a slash before a relative path when there is a host.
        var path = http["path"]?.goScalar ?? ""
        if !path.isEmpty && !path.hasPrefix("/") && !authority.isEmpty { path = "/" + path }
        return "http-get \(scheme)://\(authority)\(path) \(attributes)"
    }
    if let tcp = probe["tcpSocket"] {
        return "tcp-socket \(tcp["host"]?.goScalar ?? ""):\(tcp["port"]?.goScalar ?? "") \(attributes)"
    }
    if let grpc = probe["grpc"] {
        return "grpc <pod>:\(grpc["port"]?.goScalar ?? "0") \(grpc["service"]?.goScalar ?? "") \(attributes)"
    }
    return "unknown \(attributes)"
}
