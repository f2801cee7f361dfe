import ToolOpsCore

extension SchemaCapture {
    /// A `CaseIterable` raw-value enum: `enum` lists the raw values; the placeholder is the first case.
    func captureEnum<E: CaseIterable & RawRepresentable, T>(
        _ enumeration: E.Type, as type: T.Type, at path: [any CodingKey]
    ) throws -> Captured<T> {
        var values: [JSONValue] = []
        var types: Set<String> = []
        for value in E.allCases {
            guard let json = Self.json(rawValue: value.rawValue) else {
                throw fail(
                    .unsupportedType, at: path,
                    "the raw values of \(String(reflecting: E.self)) are \(String(reflecting: E.RawValue.self)); "
                        + "only String, integer and floating-point raw values can be listed in a schema")
            }
            values.append(json)
            types.insert(json.typeName)
        }
        guard let first = E.allCases.first else {
            throw fail(.unsupportedType, at: path, "\(String(reflecting: E.self)) has no cases to list")
        }
        let typeName: JSONValue = types == ["integer"] ? "integer" : types.contains("string") ? "string" : "number"
        return Captured(schema: ["type": typeName, "enum": .array(values)], value: first as? T)
    }

    private static func json(rawValue: Any) -> JSONValue? {
        switch rawValue {
        case let string as String: .string(string)
        case let integer as any BinaryInteger: .int(Int64(truncatingIfNeeded: integer))
        case let double as Double: .number(double)
        case let float as Float: .number(Double(float))
        default: nil
        }
    }

    /// Any other type: decoded through its own `init(from:)` with a recording decoder.
    func captureStructure<T: Decodable>(_ type: T.Type, at path: [any CodingKey]) throws -> Captured<T> {
        let id = ObjectIdentifier(T.self)
        if stack.contains(id) { return Captured(schema: [:], value: nil) }
        stack.append(id)
        defer { stack.removeLast() }
        let described = T.self as? any SchemaDescribed.Type
        if let described { try pushScope(for: described, at: path) }
        defer { if described != nil { popScope() } }

        let slot = SchemaSlot()
        let value: T
        do {
            value = try T(from: CaptureDecoder(capture: self, slot: slot, codingPath: path))
        } catch let error as SchemaError {
            throw error
        } catch {
            throw fail(.undecodable, at: path, Self.undecodableMessage(T.self, error))
        }
        var schema = slot.render()
        if let description = described?.schemaDescription, var members = schema.objectValue {
            members["description"] = .string(description)
            schema = .object(members)
        }
        return Captured(schema: schema, value: value)
    }

    private static func undecodableMessage(_ type: Any.Type, _ error: any Error) -> String {
        let name = String(reflecting: type)
        if type is any RawRepresentable.Type {
            return "\(name) is a raw-value type that rejected a placeholder value; if it is an enum, "
                + "conform it to CaseIterable so its values can be listed"
        }
        return "the init(from:) of \(name) failed on placeholder values (\(error)); the schema is read by "
            + "decoding the type once with empty strings, zeros and first enum cases, so validate elsewhere, "
            + "or build the ToolDefinition with a hand-written inputSchema"
    }
}
