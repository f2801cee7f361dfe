/// A collection whose order carries no meaning, encoded with its elements in canonical order.
///
/// `Set` and `Dictionary` iterate in a per-process hash order. Encoded as they are, two equal
/// sets could give two different keys — in one process, and almost surely across processes. The
/// encoder sorts their elements (for dictionaries with non-string keys, their key–value pairs)
/// by canonical bytes instead. Dictionaries with string keys already encode as objects, whose
/// keys canonical JSON sorts anyway.
protocol UnorderedEncodable {
    func canonicalJSON(codingPath: [any CodingKey]) throws -> JSONValue
}

extension Set: UnorderedEncodable where Element: Encodable {
    func canonicalJSON(codingPath: [any CodingKey]) throws -> JSONValue {
        let elements = try map { try ValueEncoder.value($0, codingPath: codingPath) }
        return .array(sortedCanonically(elements))
    }
}

extension Dictionary: UnorderedEncodable where Key: Encodable, Value: Encodable {
    func canonicalJSON(codingPath: [any CodingKey]) throws -> JSONValue {
        let encoded = try ValueEncoder.plainValue(self, codingPath: codingPath)
        // Non-string keys encode as [key, value, key, value, …]: sort the pairs by key.
        guard case .array(let flat) = encoded, flat.count.isMultiple(of: 2) else { return encoded }
        let pairs = stride(from: 0, to: flat.count, by: 2).map { (key: flat[$0], value: flat[$0 + 1]) }
        let sorted = pairs.map { ($0, $0.key.canonicalBytes()) }.sorted { $0.1.lexicographicallyPrecedes($1.1) }
        return .array(sorted.flatMap { [$0.0.key, $0.0.value] })
    }
}

private func sortedCanonically(_ values: [JSONValue]) -> [JSONValue] {
    values.map { ($0, $0.canonicalBytes()) }.sorted { $0.1.lexicographicallyPrecedes($1.1) }.map { $0.0 }
}
