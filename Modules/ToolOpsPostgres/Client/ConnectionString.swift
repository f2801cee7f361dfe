import CLibPQ

/// A libpq connection string, checked by libpq itself and safe to print.
///
/// Accepts everything libpq accepts: URIs (`postgresql://user:secret@host:5432/db?sslmode=require`)
/// and key-value strings (`host=db port=5432 sslmode=verify-full sslrootcert=/etc/ca.pem`), with
/// every TLS option libpq knows. Its ``description`` masks the password.
public struct ConnectionString: Sendable, Hashable, CustomStringConvertible, CustomReflectable {
    /// The string exactly as given, password included. Never log it; log ``description``.
    public let rawValue: String
    /// The options libpq parsed from it, passwords masked (`password`, `sslpassword`).
    public let options: [String: String]

    /// Parses `rawValue` with libpq, throwing ``PostgresError`` (`invalidConnectionString`) with
    /// libpq's reason when it does not parse.
    public init(_ rawValue: String) throws(PostgresError) {
        let trimmed = rawValue.trimmingSpaces
        guard !trimmed.isEmpty else {
            throw PostgresError(
                .invalidConnectionString,
                "the connection string is empty; expected postgresql://user:password@host:port/database "
                    + "or key=value pairs such as host=localhost dbname=app"
            )
        }
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let parsed = PQconninfoParse(rawValue, &errorMessage) else {
            let reason = errorMessage.map { String(cString: $0) } ?? "libpq could not parse it"
            if let errorMessage { PQfreemem(errorMessage) }
            // Not echoing the string: with a misspelt keyword, masking could not know which value is secret.
            throw PostgresError(
                .invalidConnectionString,
                "\(Self.mask(reason.trimmingSpaces, in: rawValue)); expected a postgresql:// URI or key=value pairs "
                    + "(https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING)"
            )
        }
        defer { PQconninfoFree(parsed) }
        var options: [String: String] = [:]
        var option = parsed
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val {
                let name = String(cString: keyword)
                options[name] = Self.secretOptions.contains(name) ? "***" : String(cString: value)
            }
            option += 1
        }
        self.rawValue = rawValue
        self.options = options
    }

    /// The connection string with its password masked.
    public var description: String { Self.mask(rawValue) }

    /// What `dump` and debuggers show: the masked string, never ``rawValue``.
    public var customMirror: Mirror { Mirror(self, children: ["masked": description, "options": options]) }

    /// `host:port/dbname` for messages, from the parsed options.
    var endpoint: String {
        let host = options["host"] ?? options["hostaddr"] ?? "localhost"
        let port = options["port"] ?? "5432"
        return "\(host):\(port)/\(options["dbname"] ?? options["user"] ?? "")"
    }

    static let secretOptions: Set<String> = ["password", "sslpassword"]

    /// Masks the password of a URI (`://user:secret@`) and of `password=` / `sslpassword=` pairs
    /// in `text`; used on connection strings and on messages that may quote one.
    static func mask(_ text: String, in connectionString: String? = nil) -> String {
        var result = maskURIPassword(text)
        for key in secretOptions.sorted() { result = maskKeyValue(key, in: result) }
        // A message that quotes a fragment of a malformed string: mask the string's own secret too.
        if let connectionString, let secret = password(in: connectionString), secret.count >= 3 {
            result = result.replacing(secret, with: "***")
        }
        return result
    }

    private static func maskURIPassword(_ text: String) -> String {
        guard let scheme = text.firstRange(of: "://") else { return text }
        let rest = text[scheme.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        guard let at = authority.lastIndex(of: "@"),
            let colon = authority[..<at].firstIndex(of: ":")
        else { return text }
        return String(text[..<text.index(after: colon)]) + "***" + String(text[at...])
    }

    private static func maskKeyValue(_ key: String, in text: String) -> String {
        var result = ""
        var remainder = Substring(text)
        while let found = remainder.firstRange(of: key + "=") {
            let precededByWord =
                found.lowerBound > remainder.startIndex
                && remainder[remainder.index(before: found.lowerBound)].isLetter
            result += remainder[..<found.upperBound]
            remainder = remainder[found.upperBound...]
            guard !precededByWord else { continue }
            let valueEnd: Substring.Index
            if remainder.first == "'" {
                var index = remainder.index(after: remainder.startIndex)
                while index < remainder.endIndex, remainder[index] != "'" {
                    if remainder[index] == "\\" { index = remainder.index(after: index) }
                    if index < remainder.endIndex { index = remainder.index(after: index) }
                }
                valueEnd = index < remainder.endIndex ? remainder.index(after: index) : index
            } else {
                valueEnd = remainder.firstIndex(where: { $0 == " " || $0 == "&" || $0 == "\t" }) ?? remainder.endIndex
            }
            result += "***"
            remainder = remainder[valueEnd...]
        }
        return result + remainder
    }

    private static func password(in connectionString: String) -> String? {
        if let scheme = connectionString.firstRange(of: "://") {
            let rest = connectionString[scheme.upperBound...]
            let authority = rest[..<(rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex)]
            if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
                return String(authority[authority.index(after: colon)..<at])
            }
        }
        guard let found = connectionString.firstRange(of: "password=") else { return nil }
        let value = connectionString[found.upperBound...]
        return String(value.prefix { $0 != " " && $0 != "&" }).trimmingCharacters(in: ["'"])
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    func trimmingCharacters(in characters: Set<Character>) -> String {
        String(drop(while: characters.contains).reversed().drop(while: characters.contains).reversed())
    }
}
