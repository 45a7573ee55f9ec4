/// Who made a request: a user from the token file, or the anonymous user.
public struct UserInfo: Sendable, Hashable {
    public var name: String
    public var uid: String
    public var groups: [String]

    public init(name: String, uid: String, groups: [String]) {
        self.name = name
        self.uid = uid
        self.groups = groups
    }

    /// The user kube-apiserver names requests without credentials.
    public static let anonymous = UserInfo(name: "system:anonymous", uid: "", groups: ["system:unauthenticated"])
}

/// Bearer-token authentication against a kube-apiserver static token file.
///
/// A request with a known token is that token's user; a request with an unknown token is refused; a
/// request without one is anonymous when allowed, else refused (kubectl then prints
/// `error: You must be logged in to the server (Unauthorized)`).
public struct Authenticator: Sendable {
    public var tokens: [String: UserInfo]
    public var allowAnonymous: Bool

    public init(tokens: [String: UserInfo], allowAnonymous: Bool) {
        self.tokens = tokens
        self.allowAnonymous = allowAnonymous
    }

    /// The caller named by an `Authorization` header value, or nil when the request must get 401.
    public func user(authorization: String?) -> UserInfo? {
        guard let authorization, !authorization.isEmpty else { return allowAnonymous ? .anonymous : nil }
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return tokens[parts[1].trimmingCharacters(in: .whitespaces)]
    }
}
