import Testing
import ToolOpsCore
import ToolOpsIntegrations

@Suite("@Field annotations and transparency")
struct FieldTests {
    @Test("constraints, descriptions and defaults come from the example")
    func annotationsFromExample() throws {
        let schema = try JSONSchema.for(Weather.self)
        let expected: JSONValue = [
            "type": "object",
            "description": "Weather forecast query.",
            "properties": [
                "city": [
                    "type": "string", "description": "City name", "minLength": 1, "maxLength": 80,
                    "pattern": "^[A-Za-z ]+$",
                ],
                "days": ["type": "integer", "description": "Days ahead", "minimum": 1, "maximum": 14, "default": 3],
                "units": [
                    "type": "array", "items": ["type": "string"], "description": "Units", "maxItems": 2,
                    "default": ["metric"],
                ],
                "station": [
                    "anyOf": [["type": "string"], ["type": "null"]], "default": nil, "description": "Station, if any",
                ],
            ],
            "required": ["city"],
        ]
        #expect(schema == expected)
    }

    @Test("without an example, @Field annotations and defaults are absent")
    func noExampleNoAnnotations() throws {
        let schema = try JSONSchema.for(Annotated.self)
        #expect(schema["properties"]?["query"] == ["type": "string"])
        #expect(schema["properties"]?["limit"] == ["type": "integer"])
        #expect(schema["properties"]?["note"] == ["anyOf": [["type": "string"], ["type": "null"]], "default": nil])
        // Synthesized Decodable demands every non-optional key, initial value or not.
        #expect(schema["required"] == ["query", "limit"])
    }

    @Test("schemaFields describe and constrain a type's fields from outside")
    func listedFields() throws {
        let schema = try JSONSchema.for(ForeignQuery.self)
        #expect(schema["properties"]?["term"] == ["type": "string", "description": "Search term"])
        #expect(
            schema["properties"]?["page"] == ["type": "integer", "description": "Page number", "minimum": 1])
    }

    @Test("a struct with @Field encodes exactly like the same struct without it")
    func encodingIsTransparent() throws {
        let encoder = JSONValueEncoder()
        let annotated = Annotated(query: "q", limit: 5, note: nil)
        #expect(try encoder.encode(annotated) == encoder.encode(PlainAnnotated(query: "q", limit: 5, note: nil)))
        #expect(try encoder.encode(annotated) == ["query": "q", "limit": 5])
        let noted = Annotated(query: "q", limit: 5, note: "n")
        #expect(try encoder.encode(noted) == encoder.encode(PlainAnnotated(query: "q", limit: 5, note: "n")))
    }

    @Test("JSON arguments decode into @Field properties as into plain ones; a missing optional is nil")
    func decodingIsTransparent() throws {
        let decoder = JSONValueDecoder()
        let arguments: JSONValue = ["query": "q", "limit": 7]
        let annotated = try decoder.decode(Annotated.self, from: arguments)
        let plain = try decoder.decode(PlainAnnotated.self, from: arguments)
        #expect(annotated.query == plain.query && annotated.limit == plain.limit)
        #expect(annotated.note == nil)
        let roundTrip = try decoder.decode(Annotated.self, from: JSONValueEncoder().encode(annotated))
        #expect(roundTrip == annotated)
    }

    @Test("a required @Field key is still required when decoding")
    func requiredStaysRequired() {
        #expect(throws: (any Error).self) {
            try JSONValueDecoder().decode(Annotated.self, from: ["limit": 7])
        }
    }
}
