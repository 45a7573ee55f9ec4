import ArgumentParser
@testable import RollbookCLI
import Testing

/// A command without an explicit name makes ArgumentParser derive one with `String(describing:)`, which on the
/// first call scans every protocol conformance in the binary: ~15 M instructions on every invocation.
@Suite struct CommandNameTests {
    @Test func everyCommandNamesItself() {
        var unnamed: [String] = []
        var pending: [any ParsableCommand.Type] = [RollbookCommand.self]
        while let command = pending.popLast() {
            if command.configuration.commandName == nil { unnamed.append("\(command)") }
            pending += command.configuration.subcommands
        }
        #expect(unnamed == [])
    }
}
