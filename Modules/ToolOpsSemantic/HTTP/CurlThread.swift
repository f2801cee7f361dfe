#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Starts detached threads for libcurl's loops, outside Swift's cooperative pool.
///
/// `curl_multi_poll` blocks its thread; that must never be a thread of the pool, so each client
/// owns one plain thread for its whole life.
enum CurlThread {
    private final class Body: Sendable {
        let name: String
        let run: @Sendable () -> Void
        init(name: String, run: @escaping @Sendable () -> Void) {
            self.name = name
            self.run = run
        }
    }

    /// Runs `body` on a new detached thread called `name` (named on Darwin only: Glibc does not export `pthread_setname_np` to Swift).
    static func start(name: String, _ body: @escaping @Sendable () -> Void) {
        let context = Unmanaged.passRetained(Body(name: name, run: body)).toOpaque()
        #if canImport(Glibc)
            var thread = pthread_t()
            let status = pthread_create(&thread, nil, { CurlThread.main($0!) }, context)
        #else
            var thread: pthread_t?
            let status = pthread_create(&thread, nil, { CurlThread.main($0) }, context)
        #endif
        precondition(status == 0, "pthread_create failed with \(status)")
        #if canImport(Glibc)
            pthread_detach(thread)
        #else
            pthread_detach(thread!)
        #endif
    }

    private static func main(_ context: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer? {
        let body = Unmanaged<Body>.fromOpaque(context).takeRetainedValue()
        #if canImport(Darwin)
            pthread_setname_np(body.name)
        #endif
        body.run()
        return nil
    }
}
