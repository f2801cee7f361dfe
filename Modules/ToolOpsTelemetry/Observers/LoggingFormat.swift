import ToolOpsCore

/// The few value formats of a ``ToolLoggingObserver``'s metadata: fixed, locale-free, and cheap.
enum LoggingFormat {
    /// `duration` in milliseconds with exactly three decimals, rounded to the microsecond:
    /// `"12.345"`, `"0.000"`, `"1500.000"`.
    static func milliseconds(_ duration: Duration) -> String {
        let nanoseconds = duration.nanoseconds
        // Int64.min's magnitude plus 500 still fits a UInt64.
        let microseconds = (nanoseconds.magnitude + 500) / 1_000
        let fraction = microseconds % 1_000
        var text = nanoseconds < 0 && microseconds > 0 ? "-" : ""
        text += String(microseconds / 1_000)
        text += fraction < 10 ? ".00" : fraction < 100 ? ".0" : "."
        text += String(fraction)
        return text
    }

    /// The first 16 hex characters of `key`'s digest: identifies the call among others without
    /// revealing anything about its arguments (the digest already hashes sensitive values).
    static func keyPrefix(_ key: CallKey) -> String {
        let hex = String(key.digestValue.words.0, radix: 16)
        guard hex.utf8.count < 16 else { return hex }
        return String(repeating: "0", count: 16 - hex.utf8.count) + hex
    }
}
