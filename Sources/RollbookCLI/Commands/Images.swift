import ArgumentParser
import Cluster
import ControlPlane
import Printers

struct Images: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the simulated node's image cache.", subcommands: [Load.self, List.self, Remove.self])

    struct Load: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Load images onto the simulated node.")
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "IMAGE...") var images: [String] = []
        @Option(help: "How long its containers take to become ready (e.g. 10s).") var startup = "0s"
        @Flag(name: .customLong("never-ready"), help: "Containers run but never become ready.") var neverReady = false
        @Flag(help: "Containers crash on start (CrashLoopBackOff).") var crash = false

        func run() throws {
            if images.isEmpty { throw CommandError.client("at least one image is required") }
            guard let seconds = Duration.parse(startup), seconds >= 0 else {
                throw CommandError.client("invalid argument \"\(startup)\" for \"--startup\" flag")
            }
            if neverReady && crash { throw CommandError.client("--never-ready and --crash are mutually exclusive") }
            let behaviour: ImageBehaviour = neverReady ? .neverReady : crash ? .crash : .ready
            try globals.controlPlane().loadImages(images, startupSeconds: Int(seconds), behaviour: behaviour)
            for image in images { Output.out("image/\(image) loaded\n") }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the images on the node.")
        @OptionGroup var globals: GlobalOptions

        func run() throws {
            let plane = try globals.controlPlane()
            let images = try plane.read { try $0.images() }
            if images.isEmpty {
                Output.err("No images loaded.\n")
                return
            }
            var writer = TabWriter.table
            writer.write("IMAGE\tSTARTUP\tBEHAVIOUR\tAGE\n")
            for image in images {
                writer.write("\(image.image)\t\(image.startupSeconds)s\t\(image.behaviour.rawValue)\t\(age(of: image.loadedAt, now: plane.now))\n")
            }
            Output.out(writer.finish())
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rm", abstract: "Remove images from the node.")
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "IMAGE...") var images: [String] = []

        func run() throws {
            if images.isEmpty { throw CommandError.client("at least one image is required") }
            try globals.controlPlane().removeImages(images)
            for image in images { Output.out("image/\(image) removed\n") }
        }
    }
}
