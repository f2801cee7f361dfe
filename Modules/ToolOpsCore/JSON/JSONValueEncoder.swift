import Foundation

/// Encodes any `Encodable` value straight into a ``JSONValue``, without going through text.
///
/// Numbers are normalised (`2.0` becomes `2`), `Date` becomes an ISO 8601 string, `URL` its
/// absolute string and `Data` base64 — so a value always encodes to the same canonical JSON.
/// Non-finite floating-point numbers are rejected with an `EncodingError`.
///
/// ```swift
/// let json = try JSONValueEncoder().encode(WeatherQuery(city: "Paris"))
/// ```
public struct JSONValueEncoder: Sendable {
    public init() {}

    /// Whether values of type `T` are encoded by a rule of their own (dates, URLs, data, raw
    /// JSON, sets and dictionaries) rather than by their `encode(to:)` alone.
    public static func hasSpecialEncoding<T: Encodable>(_ type: T.Type) -> Bool {
        T.self == Date.self || T.self == URL.self || T.self == Data.self || T.self == JSONValue.self
            || T.self is any UnorderedEncodable.Type
    }

    /// Encodes `value` through its own `encode(to:)`, for a type known to have no special
    /// encoding (see ``hasSpecialEncoding(_:)``) — skipping the per-call type checks.
    public func encodePlain<T: Encodable>(_ value: T) throws -> JSONValue {
        try ValueEncoder.plainValue(value, codingPath: [])
    }

    /// Encodes `value` as a ``JSONValue``.
    public func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        if let special = try encodeSpecial(value, codingPath: []) { return special }
        let encoder = ValueEncoder(codingPath: [])
        try value.encode(to: encoder)
        return encoder.result?.resolved ?? .object([:])
    }
}

/// Types with a fixed canonical JSON form, whatever their own `Encodable` conformance does.
@inline(__always)
func encodeSpecial<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> JSONValue? {
    // Metatype comparisons first: a dynamic cast per encoded value is the expensive part.
    if T.self == Date.self {
        return .string((value as! Date).formatted(ISO8601Format.withFractions))
    } else if T.self == URL.self {
        return .string((value as! URL).absoluteString)
    } else if T.self == Data.self {
        return .string((value as! Data).base64EncodedString())
    } else if T.self == JSONValue.self {
        return (value as! JSONValue)
    } else if T.self is any UnorderedEncodable.Type, let unordered = value as? any UnorderedEncodable {
        return try unordered.canonicalJSON(codingPath: codingPath)
    }
    return nil
}

enum ISO8601Format {
    static let withFractions = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    static let plain = Date.ISO8601FormatStyle()
}

/// A value under construction. Containers are reference types so that a nested container handed
/// out before its contents are written still ends up in the final tree.
enum PartialJSON {
    case value(JSONValue)
    case object(ObjectBuffer)
    case array(ArrayBuffer)
    case encoder(ValueEncoder)

    var resolved: JSONValue {
        switch self {
        case .value(let value): value
        case .object(let buffer): buffer.resolved
        case .array(let buffer): buffer.resolved
        case .encoder(let encoder): encoder.result?.resolved ?? .object([:])
        }
    }
}

/// An object's members. Finished values go straight into `members`; only nested containers and
/// super-encoders, which are written after they are handed out, wait in `deferred`.
final class ObjectBuffer {
    // Most tool inputs have a handful of fields: skip the first few regrowths.
    var members = [String: JSONValue](minimumCapacity: 8)
    var deferred: [String: PartialJSON] = [:]

    var resolved: JSONValue {
        guard !deferred.isEmpty else { return .object(members) }
        var all = members
        for (key, partial) in deferred { all[key] = partial.resolved }
        return .object(all)
    }
}

/// An array's elements, with the same split as ``ObjectBuffer``.
final class ArrayBuffer {
    var elements: [JSONValue] = []
    var deferred: [Int: PartialJSON] = [:]

    var resolved: JSONValue {
        guard !deferred.isEmpty else { return .array(elements) }
        var all = elements
        for (index, partial) in deferred { all[index] = partial.resolved }
        return .array(all)
    }

    func append(deferred partial: PartialJSON) {
        deferred[elements.count] = partial
        elements.append(.null)
    }
}

final class ValueEncoder: Encoder {
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var result: PartialJSON?

    init(codingPath: [any CodingKey]) {
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let buffer: ObjectBuffer
        if case .object(let existing) = result {
            buffer = existing
        } else {
            buffer = ObjectBuffer()
            result = .object(buffer)
        }
        return KeyedEncodingContainer(KeyedValueEncoder<Key>(buffer: buffer, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let buffer: ArrayBuffer
        if case .array(let existing) = result {
            buffer = existing
        } else {
            buffer = ArrayBuffer()
            result = .array(buffer)
        }
        return UnkeyedValueEncoder(buffer: buffer, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        self
    }

    /// Encodes a nested value completely (its `encode(to:)` has returned, so nothing is pending).
    static func value<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> JSONValue {
        if let special = try encodeSpecial(value, codingPath: codingPath) { return special }
        return try plainValue(value, codingPath: codingPath)
    }

    /// Encodes a value through its own `encode(to:)`, without the special cases.
    static func plainValue<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> JSONValue {
        let encoder = ValueEncoder(codingPath: codingPath)
        try value.encode(to: encoder)
        return encoder.result?.resolved ?? .object([:])
    }

    static func number(_ value: Double, codingPath: [any CodingKey]) throws -> JSONValue {
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value,
                EncodingError.Context(codingPath: codingPath, debugDescription: "\(value) is not a valid JSON number.")
            )
        }
        return .number(value == 0 ? 0 : value)
    }

    static func integer<T: BinaryInteger>(_ value: T) -> JSONValue {
        if let exact = Int64(exactly: value) { return .int(exact) }
        // Only unsigned values above Int64.max get here; keep them exact, never via Double.
        return .uint(UInt64(value))
    }
}

extension ValueEncoder: SingleValueEncodingContainer {
    func encodeNil() throws { result = .value(.null) }
    func encode(_ value: Bool) throws { result = .value(.bool(value)) }
    func encode(_ value: String) throws { result = .value(.string(value)) }
    func encode(_ value: Double) throws { result = .value(try Self.number(value, codingPath: codingPath)) }
    func encode(_ value: Float) throws {
        // Go through the shortest text so 0.1 as Float stays 0.1, not 0.10000000149.
        result = .value(try Self.number(Double(value.description) ?? Double(value), codingPath: codingPath))
    }
    func encode(_ value: Int) throws { result = .value(.int(Int64(value))) }
    func encode(_ value: Int8) throws { result = .value(.int(Int64(value))) }
    func encode(_ value: Int16) throws { result = .value(.int(Int64(value))) }
    func encode(_ value: Int32) throws { result = .value(.int(Int64(value))) }
    func encode(_ value: Int64) throws { result = .value(.int(value)) }
    func encode(_ value: UInt) throws { result = .value(Self.integer(value)) }
    func encode(_ value: UInt8) throws { result = .value(.int(Int64(value))) }
    func encode(_ value: UInt16) throws { result = .value(.int(Int64(value))) }
    func encode(_ value: UInt32) throws { result = .value(.int(Int64(value))) }
    func encode(_ value: UInt64) throws { result = .value(Self.integer(value)) }
    func encode<T: Encodable>(_ value: T) throws { result = .value(try Self.value(value, codingPath: codingPath)) }
}

struct KeyedValueEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let buffer: ObjectBuffer
    let codingPath: [any CodingKey]

    private func set(_ value: JSONValue, _ key: Key) { buffer.members[key.stringValue] = value }

    mutating func encodeNil(forKey key: Key) throws { set(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        set(try ValueEncoder.number(value, codingPath: codingPath + [key]), key)
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        set(try ValueEncoder.number(Double(value.description) ?? Double(value), codingPath: codingPath + [key]), key)
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(.int(Int64(value)), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { set(.int(Int64(value)), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { set(.int(Int64(value)), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { set(.int(Int64(value)), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(.int(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { set(ValueEncoder.integer(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { set(.int(Int64(value)), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { set(.int(Int64(value)), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { set(.int(Int64(value)), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { set(ValueEncoder.integer(value), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        buffer.members[key.stringValue] = try ValueEncoder.value(value, codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type,
        forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = ObjectBuffer()
        buffer.deferred[key.stringValue] = .object(nested)
        return KeyedEncodingContainer(KeyedValueEncoder<NestedKey>(buffer: nested, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = ArrayBuffer()
        buffer.deferred[key.stringValue] = .array(nested)
        return UnkeyedValueEncoder(buffer: nested, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        // Not `Key("super")`: a type's own CodingKeys rarely has a `super` case.
        superEncoder(named: NamedKey(stringValue: "super"))
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        superEncoder(named: key)
    }

    private func superEncoder(named key: any CodingKey) -> any Encoder {
        let encoder = ValueEncoder(codingPath: codingPath + [key])
        buffer.deferred[key.stringValue] = .encoder(encoder)
        return encoder
    }
}

struct UnkeyedValueEncoder: UnkeyedEncodingContainer {
    let buffer: ArrayBuffer
    let codingPath: [any CodingKey]
    var count: Int { buffer.elements.count }

    private var nextPath: [any CodingKey] { codingPath + [IndexKey(intValue: count)] }

    mutating func encodeNil() throws { buffer.elements.append(.null) }
    mutating func encode(_ value: Bool) throws { buffer.elements.append(.bool(value)) }
    mutating func encode(_ value: String) throws { buffer.elements.append(.string(value)) }
    mutating func encode(_ value: Double) throws {
        buffer.elements.append(try ValueEncoder.number(value, codingPath: nextPath))
    }
    mutating func encode(_ value: Int) throws { buffer.elements.append(.int(Int64(value))) }
    mutating func encode(_ value: Int64) throws { buffer.elements.append(.int(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        buffer.elements.append(try ValueEncoder.value(value, codingPath: nextPath))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = ObjectBuffer()
        let path = nextPath
        buffer.append(deferred: .object(nested))
        return KeyedEncodingContainer(KeyedValueEncoder<NestedKey>(buffer: nested, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = ArrayBuffer()
        let path = nextPath
        buffer.append(deferred: .array(nested))
        return UnkeyedValueEncoder(buffer: nested, codingPath: path)
    }

    mutating func superEncoder() -> any Encoder {
        let encoder = ValueEncoder(codingPath: nextPath)
        buffer.append(deferred: .encoder(encoder))
        return encoder
    }
}

/// A coding key with any name, for `super`.
struct NamedKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// A coding key for an array position.
struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) {
        guard let value = Int(stringValue) else { return nil }
        self.intValue = value
    }
}
