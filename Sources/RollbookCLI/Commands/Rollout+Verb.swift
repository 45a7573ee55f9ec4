/// What every `rollout` verb takes: the global flags, `-f FILE`, `-l SELECTOR` and `deployment/NAME...`.
protocol RolloutVerb: RunnableCommand {
    init()
    var globals: GlobalOptions { get set }
    var files: FilenameOption { get set }
    var resource: [String] { get set }
    var selector: String? { get set }
}

extension CommandSpec where C: RolloutVerb {
    /// A `rollout` verb's spec: the shared flags, then `--at` for the reads, then the verb's own.
    static func rollout(
        _ name: String, abstract: String, discussion: String = "",
        pointInTime: (any Field<C, PointInTimeOption>)? = nil, options: [CommandOption<C>] = []
    ) -> Self {
        CommandSpec(
            name, abstract: abstract, discussion: discussion,
            options: GlobalOptions.options(in: \C.globals) + FilenameOption.options(in: \C.files)
                + (pointInTime.map { PointInTimeOption.options(in: $0) } ?? [])
                + [.option(\C.selector, "selector", short: "l", help: "Label selector.")] + options,
            arguments: .list(\C.resource, "deployment/NAME..."), make: { C() })
    }
}
