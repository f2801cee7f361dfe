import ToolOpsCore

/// One way a value breaks its schema: where, which keyword, what was expected and what came.
///
/// ```swift
/// // filters.tags[2]: expected string, got integer 3
/// // citty: unexpected field; did you mean 'city'?
/// ```
public struct SchemaViolation: Sendable, Hashable, CustomStringConvertible {
    /// Where the value is, as `filters.tags[2]`; empty for the arguments object itself.
    public var path: String
    /// The schema keyword that failed (`type`, `required`, `additionalProperties`, `enum`, …).
    public var keyword: String
    /// What the schema expects, in words (`string`, `one of "c", "f"`, `at most 10`).
    public var expected: String
    /// What the value was (`integer 3`, `missing`, `"farenheit"`); `(masked)` for sensitive fields.
    public var got: String
    /// The name or value most likely meant, for a misspelt field or enum value.
    public var suggestion: String?

    public init(path: String, keyword: String, expected: String, got: String, suggestion: String? = nil) {
        self.path = path
        self.keyword = keyword
        self.expected = expected
        self.got = got
        self.suggestion = suggestion
    }

    public var description: String {
        let location = path.isEmpty ? "arguments" : path
        let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
        return "\(location): expected \(expected), got \(got)\(hint)"
    }

    /// The violation as JSON, for the error result a model reads.
    public var json: JSONValue {
        var object: [String: JSONValue] = [
            "field": .string(path), "keyword": .string(keyword), "expected": .string(expected), "got": .string(got),
        ]
        if let suggestion { object["did_you_mean"] = .string(suggestion) }
        return .object(object)
    }
}

/// Short text for a value in a violation: its type, and the value itself when it is small.
enum ValueSummary {
    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .object: "object"
        case .array(let elements): "array of \(elements.count)"
        case .string(let text): text.count > 40 ? "\(JSONValue.string(String(text.prefix(40)) + "…"))" : "\(value)"
        default: "\(value.typeName) \(value)"
        }
    }
}
