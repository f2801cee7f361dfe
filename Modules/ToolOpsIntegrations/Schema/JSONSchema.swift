import ToolOpsCore

/// JSON Schemas (a draft 2020-12 subset) generated from Swift `Decodable` types.
///
/// The type is decoded once by a recording decoder fed with placeholder values, so the schema is
/// exactly what the type's `init(from:)` asks for: keys decoded with `decode` are `required` (in
/// the order they are decoded), keys decoded with `decodeIfPresent` — every `Optional` property —
/// are not. Strings, integers (`"integer"`), floating point (`"number"`), `Bool`, arrays, nested
/// types (inlined, no `$ref`), `CaseIterable` raw-value enums (`enum`), `Date` (`date-time`),
/// `URL` (`uri`), `UUID` and `[String: V]` (`additionalProperties`) are supported.
///
/// Descriptions, constraints and defaults come from ``SchemaDescribed`` and ``Field``. No `title`
/// is emitted: provider exporters add what their provider wants. A field the type may omit gets
/// `"default"` from the example instance, or else is nullable (`anyOf` with `null`) with
/// `"default": null`, like LangChain's output for `Optional[T] = None`.
///
/// Property order is kept only in `required`: ``JSONValue`` objects are unordered.
///
/// ```swift
/// let parameters = try JSONSchema.for(SearchTickets.self)
/// ```
public enum JSONSchema {
    /// The schema of `type`.
    ///
    /// - Throws: ``SchemaError`` naming the type and field path when a part cannot be described.
    public static func `for`<T: Decodable>(_ type: T.Type) throws(SchemaError) -> JSONValue {
        let capture = SchemaCapture(root: T.self)
        let schema: JSONValue
        do {
            schema = try capture.capture(T.self, at: []).schema
        } catch let error as SchemaError {
            throw error
        } catch {
            // Only SchemaError is thrown by the capture itself; anything else escaped a type's decoder.
            throw capture.fail(.undecodable, at: [], "decoding failed: \(error)")
        }
        // A failure the type's init(from:) caught with `try?` still makes the schema incomplete.
        if let failure = capture.failure { throw failure }
        return schema
    }

    /// The schema of `type` as a tool result: the schema when it describes an object (a struct or
    /// a `[String: V]`), `nil` for strings, numbers, arrays and other non-object results.
    ///
    /// - Throws: ``SchemaError`` when `type` cannot be described.
    public static func output<T: Decodable>(_ type: T.Type) throws(SchemaError) -> JSONValue? {
        let schema = try self.for(type)
        // Not `nil` in a ternary: JSONValue is nil-literal expressible, so that would be `.null`.
        guard schema["type"] == "object" else { return JSONValue?.none }
        return schema
    }
}
