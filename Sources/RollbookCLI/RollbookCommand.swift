import ControlPlane
import Store

/// `rollbook`: kubectl's Deployment verbs over an event-sourced store.
public enum RollbookCommand {
    static let abstract = "An event-sourced state store for Kubernetes Deployments, with kubectl's verbs and output."

    /// The command tree, in the order `rollbook --help` lists it.
    static var tree: CommandNode {
        CommandNode.group("rollbook", abstract: abstract, subcommands: [
            Subcommand("apply") { Apply.node }, Subcommand("create") { Create.node },
            Subcommand("get") { Get.spec.node }, Subcommand("describe") { Describe.spec.node },
            Subcommand("rollout") { Rollout.node }, Subcommand("set") { SetCommand.node },
            Subcommand("scale") { Scale.spec.node }, Subcommand("annotate") { Annotate.spec.node },
            Subcommand("label") { Label.spec.node },
            Subcommand("patch") { Patch.spec.node }, Subcommand("edit") { Edit.spec.node },
            Subcommand("replace") { Replace.spec.node },
            Subcommand("delete") { Delete.spec.node }, Subcommand("wait") { Wait.spec.node },
            Subcommand("images") { Images.node }, Subcommand("replay") { Replay.spec.node },
            Subcommand("diff") { Diff.spec.node }, Subcommand("rewind") { Rewind.spec.node },
            Subcommand("demo") { Demo.spec.node }, Subcommand("events") { Events.spec.node },
            Subcommand("sql") { SQLQuery.spec.node }, Subcommand("verify") { Verify.spec.node },
            Subcommand("export") { Export.spec.node }, Subcommand("import") { Import.spec.node },
            Subcommand("serve") { Serve.spec.node },
        ])
    }

    /// Parses and runs one command line, printing errors the way kubectl does. Returns the exit code.
    public static func run(_ arguments: [String]) -> Int32 {
        let outcome: CommandLineParser.Outcome
        do {
            outcome = try CommandLineParser(root: tree).parse(arguments)
        } catch {
            Output.err(error.error.text(path: error.path))
            return 1
        }
        switch outcome {
        case .help(let node, let path):
            Output.out(HelpText.render(node, path: path))
            return 0
        case .run(var command):
            return execute(&command)
        }
    }

    private static func execute(_ command: inout any RunnableCommand) -> Int32 {
        do {
            if var scoped = command as? any ManifestScoped {
                try scoped.takeManifestNamespace()
                command = scoped
            }
            try command.run()
            // Files the verb could not decode are reported after the objects it acted on.
            for message in ManifestFiles.deferred { Output.err(message + "\n") }
            return ManifestFiles.deferred.isEmpty ? 0 : 1
        } catch let error as CommandError {
            for message in ManifestFiles.deferred { Output.err(message + "\n") }
            Output.err(error.text + "\n")
            return error.exitCode
        } catch let partial as PartialOutput {
            Output.out(partial.printed)
            Output.err(partial.error.text + "\n")
            return partial.error.exitCode
        } catch let error as StoreError {
            Output.err("error: \(error.message)\n")
            return 1
        } catch let error as ExitCode {
            return error.rawValue
        } catch let error where StoreError.describing(error) != nil {
            Output.err("error: \(StoreError.describing(error)?.message ?? "")\n")
            return 1
        } catch {
            Output.err("error: \(error)\n")
            return 1
        }
    }
}
