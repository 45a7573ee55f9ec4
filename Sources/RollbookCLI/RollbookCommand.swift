import ArgumentParser
import ControlPlane
import Foundation
import Store

/// `rollbook`: kubectl's Deployment verbs over an event-sourced store.
public struct RollbookCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "rollbook",
        abstract: "An event-sourced state store for Kubernetes Deployments, with kubectl's verbs and output.",
        subcommands: [
            Apply.self, Create.self, Get.self, Describe.self, Rollout.self, SetCommand.self, Scale.self, Annotate.self, Patch.self, Delete.self,
            Images.self, Replay.self, Diff.self, Rewind.self, Demo.self,
            Events.self, SQLQuery.self, Verify.self, Export.self, Import.self, Serve.self,
        ])

    public init() {}

    /// kubectl accepts global flags before the verb (`rollbook --store x.db get pods`); ArgumentParser wants
    /// them after it, so leading ones are moved to the end of the options.
    static func movingLeadingGlobalOptions(_ arguments: [String]) -> [String] {
        let withValue: Set<String> = ["--store", "--as", "-n", "--namespace"]
        var leading: [String] = []
        var index = 0
        while index < arguments.count, arguments[index].hasPrefix("-") {
            let token = arguments[index]
            let name = String(token.split(separator: "=", maxSplits: 1).first ?? "")
            guard withValue.contains(name) else { break }
            leading.append(token)
            if !token.contains("="), index + 1 < arguments.count {
                leading.append(arguments[index + 1])
                index += 1
            }
            index += 1
        }
        // Everything after `--` is a container command (`create deployment ... -- CMD`): keep them before it.
        let rest = Array(arguments[index...])
        guard let terminator = rest.firstIndex(of: "--") else { return rest + leading }
        return Array(rest[..<terminator]) + leading + Array(rest[terminator...])
    }

    /// kubectl writes boolean flags as `--flag`, `--flag=true` or `--flag=false`; ArgumentParser flags only
    /// take the bare form.
    static func normalizingBooleanFlags(_ arguments: [String]) -> [String] {
        let flags: Set<String> = ["--record", "--overwrite", "--all", "--all-namespaces", "--show-labels", "--no-headers", "--ignore-not-found", "--never-ready", "--crash", "--follow", "--allow-anonymous"]
        return arguments.compactMap { argument in
            if argument == "--cascade" { return "--cascade=background" }  // the flag's no-value default
            let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, flags.contains(parts[0]) else { return argument }
            switch parts[1] {
            case "true": return parts[0]
            case "false": return nil
            default: return argument
            }
        }
    }

    /// Parses and runs one command line, printing errors the way kubectl does. Returns the exit code.
    public static func run(_ arguments: [String]) -> Int32 {
        do {
            var command = try parseAsRoot(normalizingBooleanFlags(movingLeadingGlobalOptions(arguments)))
            try command.run()
            return 0
        } catch let error as CommandError {
            Output.err(error.text + "\n")
            return error.exitCode
        } catch let error as StoreError {
            Output.err("error: \(error.message)\n")
            return 1
        } catch let error as ExitCode {
            return error.rawValue
        } catch let error where StoreError.describing(error) != nil {
            Output.err("error: \(StoreError.describing(error)?.message ?? "")\n")
            return 1
        } catch {
            let code = exitCode(for: error).rawValue
            let message = fullMessage(for: error)
            if !message.isEmpty { (code == 0 ? Output.out : Output.err)(message + "\n") }
            return code
        }
    }
}
