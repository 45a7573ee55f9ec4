import Foundation
import Hummingbird
import KubeModel

/// The parts of an HTTP request the handlers read.
struct APIRequest: Sendable {
    var method: HTTPRequest.Method
    var path: String
    var query: [String: String]
    var accept: String?
    var contentType: String
    var userAgent: String?
    var body: Data
    var user: UserInfo

    init(_ request: Request, body: Data, user: UserInfo) {
        method = request.method
        path = request.uri.path
        var query: [String: String] = [:]
        for (key, value) in request.uri.queryParameters { query[String(key)] = String(value) }
        // Go's url.Values encodes a space as '+' (kubectl -l 'app in (web)'); selectors never hold a '+'.
        for key in ["labelSelector", "fieldSelector"] {
            query[key] = query[key]?.replacingOccurrences(of: "+", with: " ")
        }
        self.query = query
        accept = request.headers[.accept]
        contentType = request.headers[.contentType] ?? ""
        userAgent = request.headers[.userAgent]
        self.body = body
        self.user = user
    }

    /// What the commands table records as the command line of a request: `PATCH /apis/…?fieldManager=kubectl-set`.
    var commandLine: [String] {
        let target = query.isEmpty ? path : path + "?" + query.keys.sorted().map { "\($0)=\(query[$0]!)" }.joined(separator: "&")
        return [method.rawValue, target] + (userAgent.map { ["user-agent=\($0)"] } ?? [])
    }

    /// The request body as JSON.
    func jsonBody() throws(APIError) -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: body)
        } catch {
            throw APIError(.badRequest("the request body is not valid JSON: \(error)"))
        }
    }

    func flag(_ name: String) -> Bool { query[name] == "true" || query[name] == "1" }
}
