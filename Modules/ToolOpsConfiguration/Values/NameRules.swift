/// The names the configuration accepts, as the stores and backends that use them require.
enum NameRules {
    /// A store name: 1–64 ASCII letters, digits, `.`, `_` or `-`.
    static func isStoreName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 64 && name.utf8.allSatisfy(isFolderNameByte)
    }

    /// A file store namespace, as ``FileCache`` requires: 1–255 letters, digits, `.`, `_` or
    /// `-`, and neither `.` nor `..`.
    static func isNamespace(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 255 && name != "." && name != ".." && name.utf8.allSatisfy(isFolderNameByte)
    }

    /// A PostgreSQL schema or table name: 1–63 bytes, no NUL.
    static func isSQLIdentifier(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 63 && !name.utf8.contains(0)
    }

    /// A Prometheus metric name prefix: empty, or letters, digits, `_` and `:` not starting with a digit.
    static func isMetricsPrefix(_ prefix: String) -> Bool {
        guard let first = prefix.utf8.first else { return true }
        let allowed = prefix.utf8.allSatisfy {
            isLetterOrDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ":")
        }
        return allowed && !(first >= 0x30 && first <= 0x39)
    }

    static let namespaceRule = "use 1-255 letters, digits, '.', '_' or '-' (not '.' or '..')"
    static let storeNameRule = "use 1-64 letters, digits, '.', '_' or '-'"

    private static func isFolderNameByte(_ byte: UInt8) -> Bool {
        isLetterOrDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
}
