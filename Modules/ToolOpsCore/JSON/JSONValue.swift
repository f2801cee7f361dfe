/// A JSON document as a Swift value.
///
/// `JSONValue` is how tool arguments and results travel when a tool is called by an agent or over
/// MCP, and the form in which arguments are made canonical for cache keys. Numbers are normalised
/// on the way in: an integral `Double` such as `1.0` becomes ``int(_:)``, so `1` and `1.0` compare
/// equal and produce the same key. Integers above `Int64.max` are kept exactly as ``uint(_:)``
/// (and only those: every other integer is an ``int(_:)``).
///
/// ```swift
/// let arguments: JSONValue = ["city": "Paris", "days": 3]
/// ```
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    /// An integer above `Int64.max`.
    case uint(UInt64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// A number, stored as ``int(_:)`` when it is integral and exactly representable.
    public static func number(_ value: Double) -> JSONValue {
        if let exact = Int64(exactly: value), abs(value) <= 9_007_199_254_740_992 {
            return .int(exact)
        }
        return .double(value)
    }

    /// The name of this value's JSON type, as used in error messages ("string", "number", …).
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .int, .uint: "integer"
        case .double: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// The members of an object, or `nil` for any other value.
    public var objectValue: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The elements of an array, or `nil` for any other value.
    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The string, or `nil` for any other value.
    public var stringValue: String? {
        if case .string(let string) = self { return string }
        return nil
    }

    /// The number as a `Double`, or `nil` when this is not a number.
    public var doubleValue: Double? {
        switch self {
        case .int(let value): Double(value)
        case .uint(let value): Double(value)
        case .double(let value): value
        default: nil
        }
    }

    /// The member named `key` when this is an object.
    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

extension JSONValue: CustomStringConvertible {
    /// The canonical JSON text of this value (sorted keys, no whitespace).
    public var description: String {
        String(decoding: canonicalBytes(), as: UTF8.self)
    }
}
