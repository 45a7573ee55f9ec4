@testable import APIServer
import Testing

struct AuthenticationTests {
    @Test func tokenFileLinesGiveUsersWithGroups() throws {
        let tokens = try TokenFile.parse("""
            # comment
            abc123,alice,1001,"developers,ops"
            def456,bob,1002

            """)
        #expect(tokens["abc123"] == UserInfo(name: "alice", uid: "1001", groups: ["developers", "ops"]))
        #expect(tokens["def456"] == UserInfo(name: "bob", uid: "1002", groups: []))
        #expect(throws: TokenFileError.self) { try TokenFile.parse("lonely,token\n") }
    }

    @Test func bearerTokensAndAnonymousRequests() {
        let alice = UserInfo(name: "alice", uid: "1", groups: [])
        let strict = Authenticator(tokens: ["t": alice], allowAnonymous: false)
        #expect(strict.user(authorization: "Bearer t") == alice)
        #expect(strict.user(authorization: "Bearer nope") == nil)
        #expect(strict.user(authorization: nil) == nil)
        let open = Authenticator(tokens: ["t": alice], allowAnonymous: true)
        #expect(open.user(authorization: nil) == .anonymous)
        #expect(open.user(authorization: "Bearer nope") == nil, "a wrong token is refused even when anonymous is allowed")
    }

    @Test func discoveryAndTableNegotiation() {
        let discovery = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
            + "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json"
        #expect(Discovery.wantsAggregated(discovery))
        #expect(!Discovery.wantsAggregated("application/json, */*"))
        let table = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json"
        #expect(ServerTable.requestedVersion(table) == "v1")
        #expect(ServerTable.requestedVersion("application/json") == nil)
    }
}
