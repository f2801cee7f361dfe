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

    /// Encodes `value` as a ``JSONValue``.
    public func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        if let special = try encodeSpecial(value, codingPath: []) { return special }
        let encoder = ValueEncoder(codingPath: [])
        try value.encode(to: encoder)
        return encoder.result?.resolved ?? .object([:])
    }
}

/// Types with a fixed canonical JSON form, whatever their own `Encodable` conformance does.
func encodeSpecial<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> JSONValue? {
    switch value {
    case let date as Date:
        return .string(date.formatted(ISO8601Format.withFractions))
    case let url as URL:
        return .string(url.absoluteString)
    case let data as Data:
        return .string(data.base64EncodedString())
    case let json as JSONValue:
        return json
    default:
        return nil
    }
}

enum ISO8601Format {
    static let withFractions = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    static let plain = Date.ISO8601FormatStyle()
}

/// A value under construction: nested containers are reference types so that a container handed
/// out before its contents are written still ends up in the final tree.
enum PartialJSON {
    case value(JSONValue)
    case object(ObjectBuffer)
    case array(ArrayBuffer)
    case encoder(ValueEncoder)

    var resolved: JSONValue {
        switch self {
        case .value(let value): value
        case .object(let buffer): .object(buffer.members.mapValues(\.resolved))
        case .array(let buffer): .array(buffer.elements.map(\.resolved))
        case .encoder(let encoder): encoder.result?.resolved ?? .object([:])
        }
    }
}

final class ObjectBuffer {
    var members: [String: PartialJSON] = [:]
}

final class ArrayBuffer {
    var elements: [PartialJSON] = []
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

    /// Encodes a nested value, returning its partial form.
    static func partial<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> PartialJSON {
        if let special = try encodeSpecial(value, codingPath: codingPath) { return .value(special) }
        let encoder = ValueEncoder(codingPath: codingPath)
        try value.encode(to: encoder)
        return encoder.result ?? .value(.object([:]))
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
        return .double(Double(value))
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
    func encode<T: Encodable>(_ value: T) throws { result = try Self.partial(value, codingPath: codingPath) }
}

struct KeyedValueEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let buffer: ObjectBuffer
    let codingPath: [any CodingKey]

    private func set(_ value: JSONValue, _ key: Key) { buffer.members[key.stringValue] = .value(value) }

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
        buffer.members[key.stringValue] = try ValueEncoder.partial(value, codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type,
        forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = ObjectBuffer()
        buffer.members[key.stringValue] = .object(nested)
        return KeyedEncodingContainer(KeyedValueEncoder<NestedKey>(buffer: nested, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = ArrayBuffer()
        buffer.members[key.stringValue] = .array(nested)
        return UnkeyedValueEncoder(buffer: nested, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        superEncoder(forKey: Key(stringValue: "super")!)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let encoder = ValueEncoder(codingPath: codingPath + [key])
        buffer.members[key.stringValue] = .encoder(encoder)
        return encoder
    }
}

struct UnkeyedValueEncoder: UnkeyedEncodingContainer {
    let buffer: ArrayBuffer
    let codingPath: [any CodingKey]
    var count: Int { buffer.elements.count }

    private var nextPath: [any CodingKey] { codingPath + [IndexKey(intValue: count)] }

    mutating func encodeNil() throws { buffer.elements.append(.value(.null)) }
    mutating func encode(_ value: Bool) throws { buffer.elements.append(.value(.bool(value))) }
    mutating func encode(_ value: String) throws { buffer.elements.append(.value(.string(value))) }
    mutating func encode(_ value: Double) throws {
        buffer.elements.append(.value(try ValueEncoder.number(value, codingPath: nextPath)))
    }
    mutating func encode(_ value: Int) throws { buffer.elements.append(.value(.int(Int64(value)))) }
    mutating func encode(_ value: Int64) throws { buffer.elements.append(.value(.int(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        buffer.elements.append(try ValueEncoder.partial(value, codingPath: nextPath))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = ObjectBuffer()
        let path = nextPath
        buffer.elements.append(.object(nested))
        return KeyedEncodingContainer(KeyedValueEncoder<NestedKey>(buffer: nested, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = ArrayBuffer()
        let path = nextPath
        buffer.elements.append(.array(nested))
        return UnkeyedValueEncoder(buffer: nested, codingPath: path)
    }

    mutating func superEncoder() -> any Encoder {
        let encoder = ValueEncoder(codingPath: nextPath)
        buffer.elements.append(.encoder(encoder))
        return encoder
    }
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
