/// One thing `toolops doctor` checked, and how it went.
///
/// In `--json` output: `{"name": …, "status": "ok", "detail": …, "durationSeconds": 0.004}`,
/// plus `"store"` when the check is about one store.
public struct HealthCheck: Sendable, Hashable, Codable {
    /// How a check went.
    public enum Status: String, Sendable, Hashable, Codable, Comparable {
        /// Healthy.
        case ok
        /// Works, but needs a look (an open circuit breaker, a store being skipped).
        case warn
        /// Broken: `toolops doctor` exits non-zero.
        case fail

        /// `ok` < `warn` < `fail`: the worse status is the greater.
        public static func < (lhs: Status, rhs: Status) -> Bool {
            lhs.rank < rhs.rank
        }

        private var rank: Int {
            switch self {
            case .ok: 0
            case .warn: 1
            case .fail: 2
            }
        }
    }

    /// What was checked: `configuration`, `libpq`, `store 'shared' reachable`, …
    public var name: String
    /// The store the check is about, if any.
    public var store: String?
    /// How it went.
    public var status: Status
    /// What was found, or what is wrong and with what (passwords masked).
    public var detail: String
    /// How long the check took, in seconds.
    public var durationSeconds: Double

    /// A check result.
    public init(name: String, store: String? = nil, status: Status, detail: String, duration: Duration) {
        self.name = name
        self.store = store
        self.status = status
        self.detail = detail.oneLine
        self.durationSeconds = duration.roundedSeconds
    }
}

/// Everything `toolops doctor` checked.
public struct DoctorReport: Sendable, Hashable, Codable {
    /// Whether no check failed (warnings allowed): the exit status is 0 exactly when this is true.
    public var healthy: Bool
    /// The checks, in the order they ran.
    public var checks: [HealthCheck]

    /// A report of `checks`.
    public init(checks: [HealthCheck]) {
        self.checks = checks
        healthy = !checks.contains { $0.status == .fail }
    }
}
