import ControlPlane
import KubeModel

extension LabelQuery {
    /// The `-l` flag's selector, if given, or kubectl's error for one that does not parse.
    static func parsing(_ text: String?) throws -> LabelQuery? {
        guard let text else { return nil }
        guard let query = LabelQuery(text) else { throw CommandError.client("unable to parse requirement: \(text)") }
        return query
    }
}
