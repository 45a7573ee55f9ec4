@testable import RollbookCLI
import Testing

/// Named Deployments are looked up one by one; only a type alone or `-l` lists the namespace (listing it as of
/// a point in time folds every stream in it).
@Suite struct DeploymentTargetsTests {
    @Test func namesAreCheckedOneByOneWithoutListingTheNamespace() throws {
        var asked: [String] = []
        let targets = try DeploymentTargets(
            ["deployment/web", "deployment/gone", "deployment/web"], selector: nil,
            exists: { kind, name in
                #expect(kind == .deployment)
                asked.append(name)
                return name == "web"
            },
            all: {
                Issue.record("the namespace was listed for named Deployments")
                return []
            })
        #expect(targets.names == ["web", "web"])
        #expect(targets.missing == ["gone"])
        #expect(asked == ["web", "gone"])
    }
}
