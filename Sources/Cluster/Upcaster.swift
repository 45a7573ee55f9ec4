/// Rewrites payloads stored under an older schema version into the shape today's types decode.
///
/// The log is never rewritten: an old row keeps its old payload and its hash, and every read upcasts it
/// on the way in. Production has no steps yet, because every payload ever written is version 1
/// (``ClusterEvent/currentSchemaVersion``). The day a payload changes shape, that change bumps the
/// version and adds the step from the old one to ``production``. Tests inject their own table, with a
/// hypothetical older version, so the path is exercised without pretending production has history it
/// does not have.
///
/// ```swift
/// let upcaster = Upcaster(steps: [0: renameNameToImage])
/// let event = try ClusterEvent(decoding: storedVersion0, upcaster: upcaster)
/// ```
public struct Upcaster: Sendable {
    /// Turns a payload of version *n* into one of a version above *n* (usually *n* + 1).
    public typealias Step = @Sendable (EncodedEvent) throws -> EncodedEvent

    /// Steps keyed by the version they upgrade *from*.
    public var steps: [Int: Step]
    /// The version the decoders expect.
    public var currentVersion: Int

    public init(steps: [Int: Step], currentVersion: Int = ClusterEvent.currentSchemaVersion) {
        self.steps = steps
        self.currentVersion = currentVersion
    }

    /// What every read in Rollbook uses.
    public static let production = Upcaster(steps: [:])

    /// Applies steps until the payload is at ``currentVersion``.
    ///
    /// - Throws: ``EventDecodingError`` for a version newer than this build, a version with no step, or a
    ///   step that does not move the version forward.
    public func upcast(_ stored: EncodedEvent) throws -> EncodedEvent {
        var event = stored
        guard event.schemaVersion <= currentVersion else {
            throw EventDecodingError(
                description: "event payload schema version \(event.schemaVersion) is newer than this rollbook "
                    + "(\(currentVersion))")
        }
        while event.schemaVersion < currentVersion {
            guard let step = steps[event.schemaVersion] else {
                throw EventDecodingError(
                    description: "no upcaster for \(event.type) from schema version \(event.schemaVersion)")
            }
            let next = try step(event)
            guard next.schemaVersion > event.schemaVersion else {
                throw EventDecodingError(
                    description: "the upcaster step from version \(event.schemaVersion) did not raise the version")
            }
            event = next
        }
        return event
    }
}
