/// A schema or table name, quoted so that any characters stay part of the name.
struct SQLIdentifier: Sendable, Hashable, CustomStringConvertible {
    let name: String

    /// Checks the name PostgreSQL would accept: 1–63 bytes, no NUL.
    init(_ name: String, field: String) throws(PostgresError) {
        guard !name.isEmpty, name.utf8.count <= 63, !name.utf8.contains(0) else {
            throw PostgresError(
                .invalidConfiguration,
                "\(field) must be 1 to 63 bytes without NUL characters, got \"\(name)\" (\(name.utf8.count) bytes)"
            )
        }
        self.name = name
    }

    /// `"name"`, with embedded quotes doubled.
    var quoted: String { "\"" + name.replacing("\"", with: "\"\"") + "\"" }

    /// `"schema"."name"`.
    func qualified(in schema: SQLIdentifier) -> String { schema.quoted + "." + quoted }

    /// A derived name (`<table>_stats`), cut to PostgreSQL's 63-byte limit on a character boundary.
    func suffixed(_ suffix: String) -> SQLIdentifier {
        var base = name
        while base.utf8.count + suffix.utf8.count > 63 { base.removeLast() }
        return SQLIdentifier(unchecked: base + suffix)
    }

    private init(unchecked name: String) { self.name = name }

    var description: String { quoted }
}
