import ArgumentParser
import Cluster
import ControlPlane
import Printers

struct Images: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "images",
        abstract: "Manage the simulated node's image cache.", subcommands: [Load.self, List.self, Remove.self, Block.self, Unblock.self])

    struct Load: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "load", abstract: "Load images onto the simulated node.")
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
        @OptionGroup var pointInTime: PointInTimeOption

        func run() throws {
            let source = try globals.readSource(pointInTime)
            let node = try source.read { try $0.node() }
            let names = Set(node.images.keys).union(node.blocked).sorted()
            if names.isEmpty {
                Output.err("No images loaded.\n")
                return
            }
            var writer = TabWriter.table
            writer.write("IMAGE\tLOADED\tBLOCKED\tSTARTUP\tBEHAVIOUR\tAGE\n")
            for name in names {
                let image = node.images[name]
                let blocked = node.blocked.contains(name) ? "yes" : "no"
                let startup = image.map { "\($0.startupSeconds)s" } ?? "<none>"
                let age = image.map { Printers.age(of: $0.loadedAt, now: source.now) } ?? "<none>"
                writer.write("\(name)\t\(image == nil ? "no" : "yes")\t\(blocked)\t\(startup)\t\(image?.behaviour.rawValue ?? "<none>")\t\(age)\n")
            }
            Output.out(writer.finish())
        }
    }

    struct Block: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "block", abstract: "Make pulls of these images fail (ErrImagePull).")
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "IMAGE...") var images: [String] = []

        func run() throws {
            if images.isEmpty { throw CommandError.client("at least one image is required") }
            try globals.controlPlane().blockImages(images)
            for image in images { Output.out("image/\(image) blocked\n") }
        }
    }

    struct Unblock: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "unblock", abstract: "Let pulls of these images succeed again.")
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "IMAGE...") var images: [String] = []

        func run() throws {
            if images.isEmpty { throw CommandError.client("at least one image is required") }
            try globals.controlPlane().unblockImages(images)
            for image in images { Output.out("image/\(image) unblocked\n") }
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
