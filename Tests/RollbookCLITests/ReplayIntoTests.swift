import Foundation
import Testing
import TestSupport

/// `replay --to POINT --into FILE` writes a store of the past that any SQL tool, and rollbook itself, can read.
struct ReplayIntoTests {
    @Test func pastStoreAnswersLikeAt() throws {
        var session = try TimeTravelSession()
        defer { session.remove() }
        try session.mutate("images load app:1 app:2 app:3")
        try session.mutate("apply -f web.yaml --as alice")
        try session.mutate("set image deployment/web web=app:2 --as bob")
        let point = session.now
        let pointSequence = try session.head()
        try session.mutate("set image deployment/web web=app:3 --as carol")
        try session.mutate("delete deployment web")

        let past = session.directory.path("past.db")
        let replay = try session.run("replay --to \(point) --into \(past)")
        #expect(replay.stdout == "replayed \(pointSequence) events into \(past)\n")
        #expect(replay.stderr.isEmpty && replay.exitCode == 0)
        let copy = try CLIRunner(store: past, workingDirectory: session.directory.url)

        let count = try copy.run(
            ScenarioScript.split("sql 'SELECT count(*) AS events, max(seq) AS last FROM events' -o csv"), now: point)
        #expect(count.stdout.replacingOccurrences(of: "\r", with: "")
            == "events,last\n\(pointSequence),\(pointSequence)\n")
        let revisions = try copy.run(
            ScenarioScript.split("sql 'SELECT revision, images FROM revisions ORDER BY seq' -o csv"), now: point)
        #expect(revisions.stdout.replacingOccurrences(of: "\r", with: "")
            == "revision,images\n1,app:1\n2,app:2\n")
        let verify = try copy.run(["verify"], now: point)
        #expect(verify.exitCode == 0, "the copied hash chain verifies: \(verify.stdout)\(verify.stderr)")

        let reads = ["get deployments", "get rs", "get pods", "describe deployment web", "rollout history deployment/web"]
        for read in reads {
            let fromCopy = try copy.run(ScenarioScript.split(read), now: point)
            let fromAt = try session.run(read + " --at \(point)")
            #expect(fromCopy == fromAt, "\(read)")
        }
        #expect(try session.head() > pointSequence, "the source store is untouched by the replay")

        let again = try session.run("replay --into \(past)")
        #expect(again.stderr
            == "error: \(past) already exists; replay --into writes a new store and never overwrites one\n")
        let inPlace = try session.run("replay --to 3")
        #expect(inPlace.exitCode == 1)
        #expect(inPlace.stderr == "error: --to needs --into: an in-place replay always folds the whole log\n"
            + "See 'rollbook replay -h' for help and examples\n")
    }
}
