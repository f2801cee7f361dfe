import ToolOpsCore

/// What one decoder saw: filled in as the type's `init(from:)` asks for containers and values.
///
/// A reference type because a nested container is handed out before its contents are decoded.
final class SchemaSlot {
    enum Kind {
        case empty
        case schema(JSONValue)
        case object(ObjectShape)
        case array(items: SchemaSlot)
    }

    var kind: Kind = .empty

    /// The object shape of this slot, created on first use.
    var object: ObjectShape {
        if case .object(let existing) = kind { return existing }
        let shape = ObjectShape()
        kind = .object(shape)
        return shape
    }

    /// The element slot of this slot as an array, created on first use.
    var items: SchemaSlot {
        if case .array(let existing) = kind { return existing }
        let items = SchemaSlot()
        kind = .array(items: items)
        return items
    }

    /// The JSON Schema of what was seen; `{}` (any value) when nothing was.
    func render() -> JSONValue {
        switch kind {
        case .empty: [:]
        case .schema(let schema): schema
        case .object(let shape): shape.render()
        case .array(let items): ["type": "array", "items": items.render()]
        }
    }
}

/// The properties a keyed container was asked for, in the order they were first asked for.
final class ObjectShape {
    private var order: [String] = []
    private var properties: [String: (slot: SchemaSlot, required: Bool, annotations: FieldAnnotations)] = [:]
    // Keys the type checked with `contains` or `decodeNil`: it copes with their absence.
    private var conditional: Set<String> = []

    /// The slot for property `key`; a key asked for twice keeps its first position.
    func property(_ key: String, required: Bool, annotations: FieldAnnotations) -> SchemaSlot {
        if let existing = properties[key] {
            properties[key]?.required = existing.required && required
            return existing.slot
        }
        let slot = SchemaSlot()
        order.append(key)
        properties[key] = (slot, required, annotations)
        return slot
    }

    /// Notes that the type checks whether `key` is present before decoding it.
    func markConditional(_ key: String) {
        conditional.insert(key)
    }

    func render() -> JSONValue {
        var rendered: [String: JSONValue] = [:]
        var required: [JSONValue] = []
        for key in order {
            guard let property = properties[key] else { continue }
            let isRequired = property.required && !conditional.contains(key)
            rendered[key] = property.annotations.apply(to: property.slot.render(), required: isRequired)
            if isRequired { required.append(.string(key)) }
        }
        var schema: [String: JSONValue] = ["type": "object", "properties": .object(rendered)]
        if !required.isEmpty { schema["required"] = .array(required) }
        return .object(schema)
    }
}
