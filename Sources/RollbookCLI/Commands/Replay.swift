import ArgumentParser
import ControlPlane

struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rebuild every projection from the event log, in place.")
    @OptionGroup var globals: GlobalOptions

    func run() throws {
        let plane = try globals.controlPlane()
        try plane.store.replay()
        let head = try plane.read { try $0.headSequence() }
        Output.out("replayed \(head) events\n")
    }
}
