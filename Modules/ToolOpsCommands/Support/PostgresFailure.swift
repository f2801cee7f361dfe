import ToolOps

/// Short reasons for PostgreSQL failures, as an operator wants to read them on one line.
///
/// libpq's messages run over several lines and repeat the endpoint the command already names
/// ("connection to server at "127.0.0.1", port 5432 failed: Connection refused / Is the server
/// running …"). Messages never contain a password: ToolOpsPostgres masks them before quoting.
enum PostgresFailure {
    /// The reason `error` happened, in a few words where it is a well-known one.
    static func summary(of error: PostgresError) -> String {
        summary(ofMessage: error.description)
    }

    /// The reason in `message` (a ``PostgresError`` description, possibly quoted by a store error).
    static func summary(ofMessage message: String) -> String {
        let flat = message.oneLine
        let lower = flat.lowercased()
        if lower.contains("connection refused") { return "connection refused" }
        if lower.contains("timeout expired") { return "connection timed out" }
        if lower.contains("could not translate host name") || lower.contains("name or service not known") {
            return "unknown host"
        }
        if lower.contains("no route to host") { return "no route to host" }
        if let range = flat.firstRange(of: "password authentication failed") {
            return String(flat[range.lowerBound...])
        }
        if let range = flat.firstRange(of: "database \""), lower.contains("does not exist") {
            return String(flat[range.lowerBound...])
        }
        return flat
    }
}
