/// An array read by a type's own `init(from:)`: the first element's schema is the `items` schema,
/// and the container reports its end after one element so that loops stop.
struct CaptureUnkeyedContainer: UnkeyedDecodingContainer {
    let capture: SchemaCapture
    let items: SchemaSlot
    let codingPath: [any CodingKey]
    private(set) var currentIndex = 0

    init(capture: SchemaCapture, items: SchemaSlot, codingPath: [any CodingKey]) {
        self.capture = capture
        self.items = items
        self.codingPath = codingPath
    }

    var count: Int? { nil }
    var isAtEnd: Bool { currentIndex > 0 }
    private var elementPath: [any CodingKey] { codingPath + [ItemsKey()] }

    // Elements after the first share its schema: record into a throwaway slot.
    private mutating func nextSlot() -> SchemaSlot {
        defer { currentIndex += 1 }
        return currentIndex == 0 ? items : SchemaSlot()
    }

    mutating func decodeNil() -> Bool { false }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try element(type) }

    private mutating func element<T: Decodable>(_ type: T.Type) throws -> T {
        let slot = nextSlot()
        let captured = try capture.capture(T.self, at: elementPath)
        slot.kind = .schema(captured.schema)
        guard let value = captured.value else { throw capture.recursion(T.self, at: elementPath) }
        return value
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try element(type) }
    mutating func decode(_ type: String.Type) throws -> String { try element(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try element(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try element(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try element(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try element(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try element(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try element(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try element(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try element(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try element(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try element(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try element(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try element(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> {
        KeyedDecodingContainer(
            CaptureKeyedContainer<NestedKey>(capture: capture, shape: nextSlot().object, codingPath: elementPath))
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        CaptureUnkeyedContainer(capture: capture, items: nextSlot().items, codingPath: elementPath)
    }

    mutating func superDecoder() throws -> any Decoder {
        CaptureDecoder(capture: capture, slot: nextSlot(), codingPath: elementPath)
    }
}
