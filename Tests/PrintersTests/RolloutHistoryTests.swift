import KubeModel
import Testing
import TestSupport

@testable import Printers

/// The §1.5 samples of k8s-semantics.md.
@Suite struct RolloutHistoryTests {
    static let cause = "kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1 --record=true"

    @Test func historyTable() throws {
        let text = rolloutHistory(
            resource: "deployment.apps/nginx-deployment", rows: [(2, Self.cause), (1, nil)])
        try expectGolden(text, named: "rollout-history.txt")
    }

    @Test func emptyChangeCauseReadsNone() {
        let text = rolloutHistory(resource: "deployment.apps/web", rows: [(3, ""), (1, nil)])
        #expect(text == "deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n3         <none>\n\n")
    }

    @Test func noHistory() {
        let text = rolloutHistory(resource: "deployment.apps/x", rows: [])
        #expect(text == "deployment.apps/x \nNo rollout history found.\n")
    }

    @Test func revisionDetail() throws {
        let template = Samples.template(
            labels: ["app": "nginx", "pod-template-hash": "7c5ddbdf54"],
            containers: [Samples.container("nginx", "nginx:1.16.1", port: 80)])
        let text = rolloutHistoryRevision(
            resource: "deployment.apps/nginx-deployment", revision: 2, template: template, changeCause: Self.cause)
        try expectGolden(text, named: "rollout-history-revision.txt")
    }

    @Test func revisionWithoutAnnotationsOmitsTheLine() {
        let template = Samples.template(labels: ["app": "web"], containers: [Samples.container("web", "nginx")])
        let text = rolloutHistoryRevision(resource: "deployment.apps/web", revision: 1, template: template)
        #expect(!text.contains("Annotations"))
        #expect(text.hasPrefix("deployment.apps/web with revision #1\nPod Template:\n  Labels:\tapp=web\n"))
    }
}

@Suite struct NamePrinterTests {
    @Test func operationFollowsTheName() {
        let created = namePrinter(kind: "deployment.apps", name: "web", operation: "created")
        #expect(created == "deployment.apps/web created\n")
        #expect(namePrinter(kind: "Deployment.apps", name: "web", operation: "") == "deployment.apps/web\n")
    }
}
