@testable import RollbookCLI
import TestSupport
import Testing

/// The command line as kubectl (cobra and pflag) reads it, over Rollbook's command tree.
@Suite struct CommandLineParserTests {
    private struct NotParsed: Error {}

    private func parse(_ line: String) throws(CommandLineParser.Failure) -> CommandLineParser.Outcome {
        try CommandLineParser(root: RollbookCommand.tree).parse(line.split(separator: " ").map(String.init))
    }

    private func command<C>(_ line: String, as type: C.Type) throws -> C {
        guard case .run(let command) = try parse(line), let typed = command as? C else { throw NotParsed() }
        return typed
    }

    /// The whole error text, as `rollbook` prints it on stderr.
    private func failure(_ line: String) -> String {
        do {
            _ = try parse(line)
            return "(parsed)"
        } catch {
            return error.error.text(path: error.path)
        }
    }

    @Test(arguments: [
        "get deploy -owide", "get deploy -o wide", "get deploy -o=wide", "get deploy --output wide",
        "get deploy --output=wide", "get -o wide deploy", "get deploy -o json -o wide",
    ])
    func valueForms(line: String) throws {
        let get = try command(line, as: Get.self)
        #expect(get.output == "wide")
        #expect(get.resources == ["deploy"])
    }

    @Test func booleanForms() throws {
        #expect(try command("get pods -A", as: Get.self).allNamespaces)
        #expect(try command("get pods --all-namespaces=true", as: Get.self).allNamespaces)
        #expect(try !command("get pods -A=false", as: Get.self).allNamespaces)
        #expect(try !command("get pods --all-namespaces=F", as: Get.self).allNamespaces)
        let bundled = try command("get pods -Aowide --show-labels", as: Get.self)
        #expect(bundled.allNamespaces && bundled.showLabels && bundled.output == "wide")
        #expect(try !command("rollout status deployment/web -w=false", as: Rollout.Status.self).watch)
        #expect(try command("rollout status deployment/web", as: Rollout.Status.self).watch)
    }

    @Test func globalFlagsGoBeforeOrAfterTheVerb() throws {
        let before = try command("--store s.db -n team --as alice rollout history deployment/web", as: Rollout.History.self)
        let after = try command("rollout history deployment/web --store=s.db --namespace=team --as=alice", as: Rollout.History.self)
        for history in [before, after] {
            #expect(history.globals.store == "s.db")
            #expect(history.globals.namespace == "team")
            #expect(history.globals.actor == "alice")
            #expect(history.resource == ["deployment/web"])
        }
    }

    @Test func wordsAfterTheTerminatorAreTheContainerCommand() throws {
        let create = try command("create deployment web --image=a --image b -- sleep 3600 --flag -x", as: Create.Deployment.self)
        #expect(create.name == "web")
        #expect(create.image == ["a", "b"])
        #expect(create.command == ["sleep", "3600", "--flag", "-x"])
        let files = try command("create -f web.yaml", as: Create.FromFiles.self)
        #expect(files.filenames == ["web.yaml"])
    }

    @Test func bareCascadeMeansBackground() throws {
        #expect(try command("delete deployment web --cascade", as: Delete.self).cascade == "background")
        #expect(try command("delete deployment web --cascade=orphan", as: Delete.self).cascade == "orphan")
        #expect(try command("delete deployment web --cascade", as: Delete.self).resources == ["deployment", "web"])
    }

    @Test func helpIsAskedForAnywhere() throws {
        for line in ["rollout history -h", "rollout history deployment/web --help", "help rollout history", "rollout -h history"] {
            guard case .help(let node, let path) = try parse(line) else { Issue.record("\(line) is not help"); continue }
            #expect(path == ["rollbook", "rollout", "history"], "\(line)")
            #expect(node.name == "history")
        }
        guard case .help(_, let path) = try parse("rollout") else { Issue.record("a group alone shows its help"); return }
        #expect(path == ["rollbook", "rollout"])
    }

    @Test(arguments: [
        ("get deploy --bogus", "Error: unknown flag: --bogus\nSee 'rollbook get --help' for usage.\n"),
        ("get deploy -Aq", "Error: unknown shorthand flag: 'q' in -q\nSee 'rollbook get --help' for usage.\n"),
        ("get deploy -o", "Error: flag needs an argument: 'o' in -o\nSee 'rollbook get --help' for usage.\n"),
        ("get deploy --output", "Error: flag needs an argument: --output\nSee 'rollbook get --help' for usage.\n"),
        ("get deploy --show-labels=maybe",
         "Error: invalid argument \"maybe\" for \"--show-labels\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax\n"
            + "See 'rollbook get --help' for usage.\n"),
        ("rollout status deployment/web -w=maybe",
         "Error: invalid argument \"maybe\" for \"-w, --watch\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax\n"
            + "See 'rollbook rollout status --help' for usage.\n"),
        ("rollout history deployment/web --revision=abc",
         "Error: invalid argument \"abc\" for \"--revision\" flag: strconv.ParseInt: parsing \"abc\": invalid syntax\n"
            + "See 'rollbook rollout history --help' for usage.\n"),
        ("frob", "Error: unknown command \"frob\" for \"rollbook\"\nRun 'rollbook --help' for usage.\n"),
        ("rollout frob", "error: unknown command \"frob\"\nSee 'rollbook rollout -h' for help and examples\n"),
        ("apply -f web.yaml --at 3", "Error: unknown flag: --at\nSee 'rollbook apply --help' for usage.\n"),
        ("rewind deployment/web", "error: required flag(s) \"to\" not set\n"),
        ("rewind --to 3", "error: name the Deployments to rewind (deployment/NAME), or pass --all-deployments\n"
            + "See 'rollbook rewind -h' for help and examples\n"),
        ("create deployment", "error: exactly one NAME is required, got 0\nSee 'rollbook create deployment -h' for help and examples\n"),
        ("verify now", "error: unexpected argument \"now\"\nSee 'rollbook verify -h' for help and examples\n"),
        ("-n team demo", "Error: unknown flag: --namespace\nSee 'rollbook demo --help' for usage.\n"),
    ])
    func errorsAreWordedAsKubectlWordsThem(line: String, text: String) {
        #expect(failure(line) == text)
    }

    /// Every command's flags have distinct names, and each subcommand is listed under the name it parses as.
    @Test func everyCommandsFlagsAreDistinct() {
        var pending = [RollbookCommand.tree]
        while let node = pending.popLast() {
            let longs = node.options.map(\.long), shorts = node.options.compactMap(\.short)
            #expect(Set(longs).count == longs.count, "\(node.name): \(longs)")
            #expect(Set(shorts).count == shorts.count, "\(node.name): \(shorts)")
            for sub in node.subcommands {
                let loaded = sub.load()
                #expect(loaded.name == sub.name, "\(sub.name)")
                pending.append(loaded)
            }
        }
    }

    /// The whole `--help` of one command, kubectl's layout.
    @Test func helpText() throws {
        let script = ScenarioScript(files: [:], steps: [(0, "rollout history --help"), (0, "set --help")])
        try expectGolden(try script.run(), named: "fidelity/help.txt")
    }
}
