extension Field: Encodable where Value: Encodable {
    /// Encodes the wrapped value alone (and reports the annotations to a schema generator).
    public func encode(to encoder: any Encoder) throws {
        FieldRecorder.current?.record(metadata, at: encoder.codingPath)
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }
}

extension Field: Decodable where Value: Decodable {
    /// Decodes the wrapped value alone; the result carries no annotations.
    public init(from decoder: any Decoder) throws {
        self.init(wrappedValue: try decoder.singleValueContainer().decode(Value.self), metadata: FieldMetadata())
    }
}

// Synthesized Codable calls these overloads for `@Field var x: T?`, so that a missing key decodes
// as nil and a nil value is left out — as it would be without the wrapper.
extension KeyedDecodingContainer {
    /// Decodes an optional `@Field` property: a missing key or `null` is `nil`.
    public func decode<T: Decodable>(_ type: Field<T?>.Type, forKey key: Key) throws -> Field<T?> {
        Field(wrappedValue: try decodeIfPresent(T.self, forKey: key), metadata: FieldMetadata())
    }
}

extension KeyedEncodingContainer {
    /// Encodes an optional `@Field` property, leaving the key out when the value is `nil`.
    public mutating func encode<T: Encodable>(_ value: Field<T?>, forKey key: Key) throws {
        FieldRecorder.current?.record(value.metadata, at: codingPath + [key])
        try encodeIfPresent(value.wrappedValue, forKey: key)
    }
}
