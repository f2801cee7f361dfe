/// An object: each key asked for becomes a property, required unless asked with `decodeIfPresent`
/// (or checked first with `contains` / `decodeNil`).
struct CaptureKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let capture: SchemaCapture
    let shape: ObjectShape
    let codingPath: [any CodingKey]

    // Nothing is listed: a type that decodes whatever keys it finds describes no properties.
    var allKeys: [Key] { [] }

    func contains(_ key: Key) -> Bool {
        shape.markConditional(key.stringValue)
        return true
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        shape.markConditional(key.stringValue)
        return false
    }

    private func slot(for key: Key, required: Bool) -> SchemaSlot {
        shape.property(key.stringValue, required: required, annotations: capture.annotations(at: codingPath + [key]))
    }

    private func field<T: Decodable>(_ type: T.Type, _ key: Key, required: Bool) throws -> T? {
        let slot = slot(for: key, required: required)
        let captured = try capture.capture(T.self, at: codingPath + [key])
        slot.kind = .schema(captured.schema)
        return captured.value
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try required(type, key) }

    private func required<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T {
        guard let value = try field(type, key, required: true) else {
            throw capture.recursion(T.self, at: codingPath + [key])
        }
        return value
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try field(type, key, required: false)
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try required(type, key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try required(type, key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try required(type, key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try required(type, key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try required(type, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try required(type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try required(type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try required(type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try required(type, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try required(type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try required(type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try required(type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try required(type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try required(type, key) }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        let nested = slot(for: key, required: true).object
        return KeyedDecodingContainer(
            CaptureKeyedContainer<NestedKey>(capture: capture, shape: nested, codingPath: codingPath + [key]))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        let items = slot(for: key, required: true).items
        return CaptureUnkeyedContainer(capture: capture, items: items, codingPath: codingPath + [key])
    }

    func superDecoder() throws -> any Decoder {
        let key = NamedSchemaKey(stringValue: "super")
        let slot = shape.property(
            key.stringValue, required: true, annotations: capture.annotations(at: codingPath + [key]))
        return CaptureDecoder(capture: capture, slot: slot, codingPath: codingPath + [key])
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        CaptureDecoder(capture: capture, slot: slot(for: key, required: true), codingPath: codingPath + [key])
    }
}
