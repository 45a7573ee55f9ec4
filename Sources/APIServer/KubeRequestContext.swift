import Hummingbird

/// The request context: Hummingbird's core storage plus a way to tell whether the client is still
/// connected, which a watch checks between polls so abandoned watches end.
struct KubeRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let isConnected: @Sendable () -> Bool

    init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        let channel = source.channel
        isConnected = { channel.isActive }
    }
}
