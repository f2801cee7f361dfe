import ToolOpsCore

extension SchemaCapture {
    /// Reads a ``SchemaDescribed`` type's descriptions, and its example's `@Field` annotations and
    /// values, for the fields below `path`.
    func pushScope(for described: any SchemaDescribed.Type, at path: [any CodingKey]) throws {
        var scope = MetadataScope(
            depth: path.count, fields: [:], listed: described.schemaFields, example: nil)
        if let example = described.schemaExample {
            guard let encodable = example as? any Encodable else {
                throw fail(
                    .invalidExample, at: path,
                    "the schemaExample of \(String(reflecting: described)) is not Encodable; conform the type "
                        + "to Encodable (Codable) or remove the example")
            }
            let recorder = FieldRecorder()
            do {
                scope.example = try FieldRecorder.$current.withValue(recorder) {
                    try JSONValueEncoder().encode(encodable)
                }
            } catch {
                throw fail(
                    .invalidExample, at: path,
                    "the schemaExample of \(String(reflecting: described)) could not be encoded (\(error))")
            }
            scope.fields = recorder.recorded
        }
        pushScope(scope)
    }
}
