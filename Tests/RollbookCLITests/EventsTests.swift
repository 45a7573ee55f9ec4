#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
import TestSupport

/// `rollbook events`: the log with its filters, its JSON lines and `--follow`.
@Suite struct EventsTests {
    /// JSON lines with the wall-clock `recordedAt` and the path-dependent `commandId` masked.
    func masked(_ text: String) -> String {
        text.replacing(/"recordedAt":"[^"]*"/, with: "\"recordedAt\":\"…\"")
            .replacing(/"commandId":"[^"]*"/, with: "\"commandId\":\"…\"")
    }

    @Test func oneDeploymentsReplicaSets() throws {
        let fixture = try AuditFixture()
        defer { fixture.dir.remove() }
        let arguments = ["events", "deployment/api", "--type", "ReplicaSetCreated,replicasetscaled"]
        try expectGolden(try fixture.transcript(arguments), named: "events/api-replicasets.txt")
    }

    @Test func byActor() throws {
        let fixture = try AuditFixture()
        defer { fixture.dir.remove() }
        try expectGolden(try fixture.transcript(["events", "--actor", "carol"]), named: "events/actor-carol.txt")
    }

    @Test func whatOneCommandDid() throws {
        let fixture = try AuditFixture()
        defer { fixture.dir.remove() }
        let undo = try fixture.run(["events", "--actor", "carol", "--type", "DeploymentRolledBack", "-o", "json"])
        let line = try JSONSerialization.jsonObject(with: Data(undo.stdout.utf8)) as? [String: Any]
        let command = try #require(line?["commandId"] as? String)
        let result = try fixture.run(["events", "--command", String(command.prefix(8))])
        #expect(result.exitCode == 0)
        try expectGolden(
            "$ rollbook events --command <carol's undo>\n" + result.stdout, named: "events/command-carol-undo.txt")
        let full = try fixture.run(["events", "--command", command])
        #expect(full.stdout == result.stdout)
    }

    @Test func whichCommandCreatedAPod() throws {
        let fixture = try AuditFixture()
        defer { fixture.dir.remove() }
        let pods = try fixture.run(["events", "deployment/api", "--type", "PodCreated", "-o", "json"])
        let last = try #require(pods.stdout.split(separator: "\n").last)
        let json = try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any]
        let command = try #require(json?["commandId"] as? String)
        let user = try fixture.run(["events", "--command", command, "--actor", "bob", "--limit", "1"])
        #expect(user.stdout.contains("DeploymentResumed"), "the pods of the resumed rollout come from `resume`")
    }

    @Test func sinceUntilAndLimit() throws {
        let fixture = try AuditFixture()
        defer { fixture.dir.remove() }
        try expectGolden(
            try fixture.transcript(["events", "--since", "2026-11-26T15:01:00Z", "--until", "2026-11-26T15:01:20Z",
                                    "--type", "DeploymentRolledBack,DeploymentScaled,DeploymentPaused"])
                + (try fixture.transcript(["events", "--since", "4", "--limit", "3"])),
            named: "events/since-until-limit.txt")
    }

    @Test func objectFilters() throws {
        let fixture = try AuditFixture()
        defer { fixture.dir.remove() }
        try expectGolden(
            try fixture.transcript(["events", "image/auto-serve:2.2.2"])
                + (try fixture.transcript(["events", "deployment/nope"])),
            named: "events/objects.txt")
        let names = try fixture.run(["sql", "SELECT name FROM replicasets WHERE deployment = 'api'", "-o", "csv"])
        let replicaSet = try #require(names.stdout.split(separator: "\r\n").dropFirst().first)
        let result = try fixture.run(["events", "rs/\(replicaSet)"])
        #expect(result.exitCode == 0)
        let objects = Set(result.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: " ")[4] })
        #expect(objects == ["replicaset/\(replicaSet)"])
    }

    @Test func jsonLines() throws {
        let fixture = try AuditFixture()
        defer { fixture.dir.remove() }
        let result = try fixture.run(["events", "--since", "1", "--limit", "5", "-o", "json"])
        #expect(result.exitCode == 0)
        for line in result.stdout.split(separator: "\n") {
            #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any])
        }
        try expectGolden(masked(result.stdout), named: "events/first-five.jsonl")
    }

    @Test func badArgumentsAreUsageErrors() throws {
        let fixture = try AuditFixture()
        defer { fixture.dir.remove() }
        try expectGolden(
            try fixture.transcript(["events", "--since", "yesterday"])
                + (try fixture.transcript(["events", "-o", "yaml"]))
                + (try fixture.transcript(["events", "--follow", "--until", "3"])),
            named: "events/errors.txt")
    }

    /// A follower started before three commands prints every event they append, in order, none twice.
    @Test func followPrintsWhatOthersAppend() throws {
        let fixture = try AuditFixture()
        defer { fixture.dir.remove() }
        let head = try fixture.run(["sql", "SELECT max(seq) FROM events", "-o", "csv"])
        let start = try #require(Int(head.stdout.split(separator: "\r\n")[1]))
        let follower = Process()
        follower.executableURL = fixture.cli.binary
        follower.arguments = ["events", "--follow", "--since", String(start + 1), "-o", "json", "--store", fixture.store]
        let output = Pipe()
        follower.standardOutput = output
        try follower.run()
        // SIGKILL: the test runner's threads block SIGTERM, and a spawned process inherits that mask.
        let pid = follower.processIdentifier
        let watchdog = DispatchWorkItem { kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + 30, execute: watchdog)
        defer {
            watchdog.cancel()
            kill(pid, SIGKILL)
            follower.waitUntilExit()
        }
        for (step, replicas) in [4, 1, 2].enumerated() {
            let scaled = try fixture.cli.run(
                ["scale", "deployment/api", "--replicas=\(replicas)"], now: AuditFixture.clock(20 + step))
            #expect(scaled.exitCode == 0)
        }
        let newHead = try fixture.run(["sql", "SELECT max(seq) FROM events", "-o", "csv"])
        let end = try #require(Int(newHead.stdout.split(separator: "\r\n")[1]))
        #expect(end > start)
        var seen: [Int] = []
        var buffer = Data()
        while seen.last != end {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
            seen = String(decoding: buffer, as: UTF8.self).split(separator: "\n").compactMap { line in
                (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["seq"] as? Int
            }
        }
        #expect(seen == Array((start + 1)...end), "\(String(decoding: buffer, as: UTF8.self).prefix(2000))")
    }
}
