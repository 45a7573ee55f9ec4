import Foundation
import HTTPTypes
import Hummingbird
import KubeModel

extension Response {
    /// A JSON answer. kubectl refuses any other content type (`serializer for text/plain doesn't exist`).
    static func json(_ value: JSONValue, status: Int = 200, contentType: String = "application/json") -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        return Response(
            status: HTTPResponse.Status(code: status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(string: value.canonicalJSON)))
    }

    /// The answer with API server warnings, as `Warning: 299 - "…"` headers (kubectl prints each as `Warning: …`).
    func warning(_ messages: [String]) -> Response {
        var response = self
        for message in messages {
            let quoted = message.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            response.headers.append(HTTPField(name: HTTPField.Name("Warning")!, value: "299 - \"\(quoted)\""))
        }
        return response
    }

    static func text(_ text: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
