import Foundation
import ToolOpsCore

// Container types are recognised by type rather than decoded: an array's or dictionary's
// `init(from:)` would loop over zero elements, and an empty placeholder keeps recursion finite.

/// `Optional<Wrapped>`: nullable, and not required when it is a property.
protocol OptionalSchemaMarker {
    static var wrappedType: any Decodable.Type { get }
    static var schemaNone: Self { get }
}

extension Optional: OptionalSchemaMarker where Wrapped: Decodable {
    static var wrappedType: any Decodable.Type { Wrapped.self }
    static var schemaNone: Self { nil }
}

/// `Array<Element>`: `"type": "array"` with the element's schema as `items`.
protocol ArraySchemaMarker {
    static var elementType: any Decodable.Type { get }
    static var schemaEmpty: Self { get }
}

extension Array: ArraySchemaMarker where Element: Decodable {
    static var elementType: any Decodable.Type { Element.self }
    static var schemaEmpty: Self { [] }
}

/// `[String: Value]`: an object with the value's schema as `additionalProperties`.
protocol StringKeyedDictionaryMarker {
    static var valueType: any Decodable.Type { get }
    static var schemaEmpty: Self { get }
}

extension Dictionary: StringKeyedDictionaryMarker where Key == String, Value: Decodable {
    static var valueType: any Decodable.Type { Value.self }
    static var schemaEmpty: Self { [:] }
}

/// Any other dictionary: not expressible, since JSON object keys are strings.
protocol DictionarySchemaMarker {
    static var keyTypeName: String { get }
}

extension Dictionary: DictionarySchemaMarker where Key: Decodable, Value: Decodable {
    static var keyTypeName: String { String(describing: Key.self) }
}

/// Types with a fixed schema and a placeholder value, decoded without their `init(from:)`.
enum BuiltinSchema {
    static func lookup(_ type: Any.Type) -> (schema: JSONValue, placeholder: any Sendable)? {
        table[ObjectIdentifier(type)]
    }

    private static let integer: JSONValue = ["type": "integer"]
    private static let number: JSONValue = ["type": "number"]

    private static let table: [ObjectIdentifier: (schema: JSONValue, placeholder: any Sendable)] = [
        ObjectIdentifier(String.self): (["type": "string"], ""),
        ObjectIdentifier(Bool.self): (["type": "boolean"], false),
        ObjectIdentifier(Int.self): (integer, 0 as Int),
        ObjectIdentifier(Int8.self): (integer, 0 as Int8),
        ObjectIdentifier(Int16.self): (integer, 0 as Int16),
        ObjectIdentifier(Int32.self): (integer, 0 as Int32),
        ObjectIdentifier(Int64.self): (integer, 0 as Int64),
        ObjectIdentifier(UInt.self): (integer, 0 as UInt),
        ObjectIdentifier(UInt8.self): (integer, 0 as UInt8),
        ObjectIdentifier(UInt16.self): (integer, 0 as UInt16),
        ObjectIdentifier(UInt32.self): (integer, 0 as UInt32),
        ObjectIdentifier(UInt64.self): (integer, 0 as UInt64),
        ObjectIdentifier(Double.self): (number, 0 as Double),
        ObjectIdentifier(Float.self): (number, 0 as Float),
        ObjectIdentifier(Decimal.self): (number, Decimal(0)),
        ObjectIdentifier(Date.self): (["type": "string", "format": "date-time"], Date(timeIntervalSince1970: 0)),
        ObjectIdentifier(URL.self): (["type": "string", "format": "uri"], URL(string: "https://example.com")!),
        ObjectIdentifier(UUID.self): (["type": "string", "format": "uuid"], UUID()),
        ObjectIdentifier(Data.self): (["type": "string", "contentEncoding": "base64"], Data()),
        // Any JSON at all: the empty schema.
        ObjectIdentifier(JSONValue.self): ([:], JSONValue.null),
    ]
}
