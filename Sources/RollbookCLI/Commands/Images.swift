import Cluster
import ControlPlane
import Printers

enum Images {
    static var node: CommandNode {
        .group("images", abstract: "Manage the simulated node's image cache.", subcommands: [
            Subcommand("load") { Load.spec.node }, Subcommand("list") { List.spec.node },
            Subcommand("rm") { Remove.spec.node }, Subcommand("block") { Block.spec.node },
            Subcommand("unblock") { Unblock.spec.node },
        ])
    }

    struct Load: RunnableCommand {
        static let spec = CommandSpec<Load>(
            "load", abstract: "Load images onto the simulated node.",
            options: GlobalOptions.options(in: \.globals)
                + [
                .option(\.startup, "startup", help: "How long its containers take to become ready (e.g. 10s)."),
                .flag(\.neverReady, "never-ready", help: "Containers run but never become ready."),
                .flag(\.crash, "crash", help: "Containers crash on start (CrashLoopBackOff)."),
            ],
            arguments: .list(\.images, "IMAGE..."),
            make: Load.init)
        var globals = GlobalOptions()
        var images: [String] = []
        var startup = "0s"
        var neverReady = false
        var crash = false

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

    struct List: RunnableCommand {
        static let spec = CommandSpec<List>(
            "list", abstract: "List the images on the node.",
            options: GlobalOptions.options(in: \.globals)
                + PointInTimeOption.options(in: \.pointInTime),
            make: List.init)
        var globals = GlobalOptions()
        var pointInTime = PointInTimeOption()
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

    struct Block: RunnableCommand {
        static let spec = CommandSpec<Block>(
            "block", abstract: "Make pulls of these images fail (ErrImagePull).",
            options: GlobalOptions.options(in: \.globals),
            arguments: .list(\.images, "IMAGE..."),
            make: Block.init)
        var globals = GlobalOptions()
        var images: [String] = []

        func run() throws {
            if images.isEmpty { throw CommandError.client("at least one image is required") }
            try globals.controlPlane().blockImages(images)
            for image in images { Output.out("image/\(image) blocked\n") }
        }
    }

    struct Unblock: RunnableCommand {
        static let spec = CommandSpec<Unblock>(
            "unblock", abstract: "Let pulls of these images succeed again.",
            options: GlobalOptions.options(in: \.globals),
            arguments: .list(\.images, "IMAGE..."),
            make: Unblock.init)
        var globals = GlobalOptions()
        var images: [String] = []

        func run() throws {
            if images.isEmpty { throw CommandError.client("at least one image is required") }
            try globals.controlPlane().unblockImages(images)
            for image in images { Output.out("image/\(image) unblocked\n") }
        }
    }

    struct Remove: RunnableCommand {
        static let spec = CommandSpec<Remove>(
            "rm", abstract: "Remove images from the node.",
            options: GlobalOptions.options(in: \.globals),
            arguments: .list(\.images, "IMAGE..."),
            make: Remove.init)
        var globals = GlobalOptions()
        var images: [String] = []

        func run() throws {
            if images.isEmpty { throw CommandError.client("at least one image is required") }
            try globals.controlPlane().removeImages(images)
            for image in images { Output.out("image/\(image) removed\n") }
        }
    }
}
