import NIOHTTP1

/// What the server does with a request: the routing table, kept apart from the I/O.
enum MetricsRoute: Equatable {
    /// Serve the exposition.
    case metrics
    /// Serve the health check.
    case health
    /// A known path with a method other than `GET` or `HEAD`.
    case methodNotAllowed(path: String)
    /// An unknown path.
    case notFound(path: String)
}

/// Maps a request's method and target onto a ``MetricsRoute``.
struct MetricsRouter: Sendable {
    /// The configured metrics path, such as `/metrics`.
    let path: String

    /// The route for `method` on `target`; the target's query string and fragment are ignored.
    func route(method: HTTPMethod, target: String) -> MetricsRoute {
        let requested = Self.path(of: target)
        guard requested == path || requested == MetricsServer.Configuration.healthPath else {
            return .notFound(path: requested)
        }
        guard method == .GET || method == .HEAD else { return .methodNotAllowed(path: requested) }
        return requested == path ? .metrics : .health
    }

    /// `/metrics?name[]=x` → `/metrics`.
    static func path(of target: String) -> String {
        String(target.prefix { $0 != "?" && $0 != "#" })
    }
}
