import Foundation
import Testing
import TestSupport

/// `rollout history --all`, `rollout undo --from-history` and `diff` after revisionHistoryLimit has
/// garbage-collected ReplicaSets and a rollback has renumbered one, against golden transcripts.
struct RevisionHistoryTests {
    @Test func historyBeyondKubectl() throws {
        var session = try TimeTravelSession()
        defer { session.remove() }
        var transcript = ""
        func record(_ command: String, _ result: CLIRunner.Result) {
            transcript += result.transcript(of: command)
        }
        for command in [
            "images load app:1 app:2 app:3 app:4",
            "apply -f web.yaml --as alice",
            "set image deployment/web web=app:2 --as bob",
            "annotate deployment/web kubernetes.io/change-cause=second --as bob",
            "set image deployment/web web=app:3 --as carol",
            "set image deployment/web web=app:4 --as alice",
            "rollout undo deployment/web --to-revision=2 --as dave",
        ] {
            record(command, try session.mutate(command))
        }
        let reads = [
            "rollout history deployment/web",
            "rollout history deployment/web --all",
            "rollout history deployment/web --all --revision=1",
            "diff deployment/web 1 4",
            "diff deployment/web 2 5",
            "rollout undo deployment/web --to-revision=1",
        ]
        for command in reads { record(command, try session.run(command)) }
        for command in [
            "rollout undo deployment/web --to-revision=1 --from-history --as erin",
            "rollout history deployment/web --all",
            "rollout history deployment/web --all --at 2026-11-26T15:00:35Z",
        ] {
            record(command, command.contains("undo") ? try session.mutate(command) : try session.run(command))
        }
        try session.mutate("delete deployment web")
        for command in ["rollout history deployment/web", "rollout history deployment/web --all",
                        "diff deployment/web 3 6"] {
            record(command, try session.run(command))
        }
        try expectGolden(transcript, named: "timetravel/history-all.txt")
    }

    @Test func diffOfIdenticalRevisionsIsEmptyAndExitsZero() throws {
        var session = try TimeTravelSession()
        defer { session.remove() }
        try session.mutate("images load app:1 app:2")
        try session.mutate("apply -f web.yaml")
        try session.mutate("set image deployment/web web=app:2")
        try session.mutate("rollout undo deployment/web")
        let same = try session.run("diff deployment/web 1 3")
        #expect(same.stdout.isEmpty && same.stderr.isEmpty && same.exitCode == 0)
        let missing = try session.run("diff deployment/web 1 9")
        #expect(missing.stderr == "error: unable to find specified revision 9 in history\n")
        // kubectl diff's exit status: 1 means the two differ, so an error is 2.
        #expect(missing.exitCode == 2)
    }
}
