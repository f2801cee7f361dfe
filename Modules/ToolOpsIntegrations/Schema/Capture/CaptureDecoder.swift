/// The decoder handed to a type's `init(from:)`: it records each container and value asked for
/// into a ``SchemaSlot`` and answers with placeholders so that decoding can go on.
struct CaptureDecoder: Decoder {
    let capture: SchemaCapture
    let slot: SchemaSlot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(CaptureKeyedContainer<Key>(capture: capture, shape: slot.object, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        CaptureUnkeyedContainer(capture: capture, items: slot.items, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        CaptureSingleValueContainer(capture: capture, slot: slot, codingPath: codingPath)
    }
}

/// A single value: its schema is the slot's schema.
struct CaptureSingleValueContainer: SingleValueDecodingContainer {
    let capture: SchemaCapture
    let slot: SchemaSlot
    let codingPath: [any CodingKey]

    func decodeNil() -> Bool { false }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try value(type) }

    private func value<T: Decodable>(_ type: T.Type) throws -> T {
        let captured = try capture.capture(T.self, at: codingPath)
        slot.kind = .schema(captured.schema)
        guard let value = captured.value else { throw capture.recursion(T.self, at: codingPath) }
        return value
    }

    func decode(_ type: Bool.Type) throws -> Bool { try value(type) }
    func decode(_ type: String.Type) throws -> String { try value(type) }
    func decode(_ type: Double.Type) throws -> Double { try value(type) }
    func decode(_ type: Float.Type) throws -> Float { try value(type) }
    func decode(_ type: Int.Type) throws -> Int { try value(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try value(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try value(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try value(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try value(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try value(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try value(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try value(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try value(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try value(type) }
}

extension SchemaCapture {
    /// The error for a type that contains itself where no empty placeholder can end the recursion.
    func recursion(_ type: Any.Type, at path: [any CodingKey]) -> SchemaError {
        fail(
            .recursiveType, at: path,
            "\(String(reflecting: type)) contains itself directly; hold the nested value in an Optional, "
                + "an Array or a Dictionary")
    }
}
