import CLibPQ

extension PostgresClient {
    /// The version of the libpq this process is linked with, such as `"16.4"`.
    ///
    /// For health checks and bug reports: TLS and authentication methods depend on it.
    ///
    /// ```swift
    /// print("libpq \(PostgresClient.libraryVersion)")
    /// ```
    public static var libraryVersion: String {
        let version = Int(PQlibVersion())
        // From PostgreSQL 10 on the number is major * 10000 + minor; before, major * 10000 + minor * 100 + patch.
        if version >= 100_000 { return "\(version / 10_000).\(version % 10_000)" }
        return "\(version / 10_000).\(version / 100 % 100).\(version % 100)"
    }
}
