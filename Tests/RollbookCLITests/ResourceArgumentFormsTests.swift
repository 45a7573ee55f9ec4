import Testing
import TestSupport

/// The resource builder's argument forms: `TYPE/NAME` with one slash and a single type (`splitResourceTypeName`),
/// and patch visiting every object named, kind by kind, the missing reported after the others. Checked against
/// kubectl v1.32.4 through serve.
@Suite(.serialized)
struct ResourceArgumentFormsTests {
    @Test func malformedPairsAndPatchOfSeveralObjects() throws {
        let script = ScenarioScript(files: [:], steps: [
            (0, "images load web:1.0"),
            (0, "create deployment web --image=web:1.0"),
            (1, "get deploy/web,rs/frontend"),
            (1, "get deploy/web/x"),
            (1, "delete deploy/web,rs/frontend --dry-run=client"),
            (1, "get deploy/"),
            (1, "get deploy,/web"),
            (1, "label deploy/web,rs/frontend a=b"),
            (2, #"patch deploy web web -p '{"spec":{"replicas":3}}'"#),
            (3, #"patch deploy web nope -p '{"spec":{"replicas":4}}'"#),
            (4, #"patch deploy/web rs/nope -p '{"metadata":{"labels":{"a":"b"}}}'"#),
            // Each object patched on its own: the refusals, a missing object's among them, are printed in order.
            (4, #"patch deploy web nope web -p '{"spec":{"replicas":-2}}'"#),
            (4, "patch deploy -p {}"),
            (4, "patch -p {}"),
            (4, "patch deploy web rs/x -p {}"),
            (5, "get deploy web --show-labels"),
        ])
        try expectGolden(try script.run(), named: "fidelity/resource-argument-forms.txt")
    }

    /// `GetResourcesAndPairs` for set image (a resource after a pair is refused, `name-` is no image) and
    /// `NameFromCommandArgs` for create deployment (set_image_test.go, create_deployment_test.go).
    @Test func pairsAndNames() throws {
        let script = ScenarioScript(files: [:], steps: [
            (0, "images load web:1.0"),
            (0, "create deployment web --image=web:1.0"),
            (1, "set image deploy/web web=web:2.0 deploy/web"),
            (1, "set image deploy/web web-"),
            (1, "create deployment a b --image=web:1.0"),
            (1, "create deployment --image=web:1.0"),
        ])
        try expectGolden(try script.run(), named: "fidelity/pairs-and-names.txt")
    }
}
