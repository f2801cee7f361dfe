import Testing
import ToolOpsCore
import ToolOpsIntegrations

@Suite("Validating arguments against a schema") struct SchemaValidatorTests {
    let validator = SchemaValidator()

    func messages(_ value: JSONValue, _ schema: JSONValue) -> [String] {
        validator.validate(value, against: schema).map(\.description)
    }

    @Test("integer accepts whole numbers, including 3.0, and refuses 3.5") func integerAcceptsWholeNumbersIncluding30()
    {
        let schema: JSONValue = ["type": "integer"]
        #expect(messages(.int(3), schema).isEmpty)
        #expect(messages(.double(3.0), schema).isEmpty)
        #expect(messages(.double(3.5), schema) == ["arguments: expected integer, got number 3.5"])
        #expect(messages(["type": "number"], schema) == ["arguments: expected integer, got object"])
        #expect(messages(.int(3), ["type": "number"]).isEmpty)
    }

    @Test("type lists and nullable allow null") func typeListsAndNullableAllowNull() {
        #expect(messages(nil, ["type": ["string", "null"]]).isEmpty)
        #expect(messages(nil, ["type": "string", "nullable": true]).isEmpty)
        #expect(
            messages(.int(1), ["type": ["string", "null"]]) == ["arguments: expected string or null, got integer 1"])
    }

    @Test("an unknown field names the closest property") func anUnknownFieldNamesTheClosestProperty() throws {
        let violations = validator.validate(["citty": "Paris"], against: Schemas.weather)
        #expect(
            violations.map(\.description) == [
                "citty: expected a known field (city, units), got unexpected field; did you mean 'city'?",
                "city: expected a value (the field is required), got missing ('citty' was sent instead; rename it to 'city')",
            ])
        #expect(violations.first?.suggestion == "city")
        #expect(violations.map(\.keyword) == ["additionalProperties", "required"])
    }

    @Test("a field the schema does not declare is refused, with a did-you-mean, unless the schema allows extras")
    func undeclaredFieldsAreRefusedUnlessAllowed() {
        // Generated schemas of plain Codable types say nothing about additionalProperties, and the
        // Swift decoder would drop a misspelt optional field silently.
        let silent: JSONValue = ["type": "object", "properties": ["units": ["type": "string"]]]
        #expect(
            messages(["unit": "c"], silent) == [
                "unit: expected a known field (units), got unexpected field; did you mean 'units'?"
            ])
        let lenient = SchemaValidator(configuration: .init(rejectsUndeclaredFields: false))
        #expect(lenient.validate(["unit": "c"], against: silent).isEmpty)
        let open: JSONValue = [
            "type": "object", "properties": ["a": ["type": "string"]], "additionalProperties": true,
        ]
        #expect(messages(["a": "x", "b": 1], open).isEmpty)
        let typed: JSONValue = ["type": "object", "additionalProperties": ["type": "integer"]]
        #expect(messages(["b": "no"], typed) == [#"b: expected integer, got "no""#])
        #expect(messages(["b": 2], typed).isEmpty)
    }

    @Test("nested paths name object fields and array indices") func nestedPathsNameObjectFieldsAndArray() {
        let schema: JSONValue = [
            "type": "object",
            "properties": [
                "filters": [
                    "type": "object",
                    "properties": ["tags": ["type": "array", "items": ["type": "string"], "maxItems": 3]],
                ]
            ],
        ]
        let violations = validator.validate(["filters": ["tags": ["a", "b", 3, "d"]]], against: schema)
        #expect(violations.map(\.path) == ["filters.tags", "filters.tags[2]"])
        #expect(violations.map(\.keyword) == ["maxItems", "type"])
        #expect(violations[1].expected == "string")
        #expect(violations[1].got == "integer 3")
    }

    @Test("enum names the allowed values and the closest one") func enumNamesTheAllowedValuesAndThe() throws {
        let violation = try #require(
            validator.validate(["city": "Paris", "units": "F "], against: Schemas.weather).first)
        #expect(violation.description == #"units: expected one of "c", "f", got "F "; did you mean 'f'?"#)
    }

    @Test("numeric bounds") func numericBounds() {
        let schema: JSONValue = ["type": "integer", "minimum": 1, "maximum": 10]
        #expect(messages(0, schema) == ["arguments: expected at least 1, got integer 0"])
        #expect(messages(11, schema) == ["arguments: expected at most 10, got integer 11"])
        #expect(messages(10, schema).isEmpty)
        #expect(messages(0.5, ["exclusiveMinimum": 0.5]) == ["arguments: expected more than 0.5, got number 0.5"])
    }

    @Test("string length counts characters, and pattern searches like JSON Schema")
    func stringLengthCountsCharactersAndPatternSearches() {
        #expect(messages("", ["minLength": 1]) == ["arguments: expected at least 1 characters, got 0"])
        #expect(messages("héllo", ["maxLength": 5]).isEmpty)
        #expect(messages("héllo!", ["maxLength": 5]) == ["arguments: expected at most 5 characters, got 6"])
        #expect(messages("order-42", ["pattern": "[0-9]+"]).isEmpty)
        #expect(
            messages("order", ["pattern": "^[0-9]+$"]) == [
                #"arguments: expected text matching /^[0-9]+$/, got "order""#
            ])
        #expect(validator.validate("x", against: ["pattern": "("]).first?.keyword == "pattern")
    }

    @Test("date-time and uri formats get basic checks") func dateTimeAndUriFormatsGetBasic() {
        #expect(messages("2024-05-01T12:30:00Z", ["format": "date-time"]).isEmpty)
        #expect(messages("2024-05-01T12:30:00.25+02:00", ["format": "date-time"]).isEmpty)
        #expect(messages("2024-13-01T12:30:00Z", ["format": "date-time"]).count == 1)
        #expect(
            messages("tomorrow at noon", ["format": "date-time"]) == [
                #"arguments: expected a date-time, got "tomorrow at noon""#
            ])
        #expect(messages("https://example.com/a?b=1", ["format": "uri"]).isEmpty)
        #expect(messages("example dot com", ["format": "uri"]).count == 1)
        #expect(messages("anything", ["format": "made-up"]).isEmpty)
    }

    @Test("an optional written as anyOf with null reports the inner problem") func anOptionalWrittenAsAnyOfWithNull() {
        let schema: JSONValue = ["anyOf": [["type": "integer", "minimum": 1], ["type": "null"]]]
        #expect(messages(nil, schema).isEmpty)
        #expect(messages(2, schema).isEmpty)
        #expect(messages(0, schema) == ["arguments: expected at least 1, got integer 0"])
        let either: JSONValue = ["anyOf": [["type": "integer"], ["type": "string"]]]
        #expect(messages(true, either) == ["arguments: expected one of: integer, string, got boolean true"])
    }

    @Test("local refs are followed") func localRefsAreFollowed() {
        let schema: JSONValue = [
            "$defs": ["Point": ["type": "object", "required": ["x"], "properties": ["x": ["type": "number"]]]],
            "type": "object",
            "properties": ["at": ["$ref": "#/$defs/Point"]],
        ]
        #expect(messages(["at": ["x": 1]], schema).isEmpty)
        #expect(messages(["at": [:]], schema) == ["at.x: expected a value (the field is required), got missing"])
    }

    @Test("violations are collected, up to the limit") func violationsAreCollectedUpToTheLimit() {
        let schema: JSONValue = ["type": "array", "items": ["type": "string"]]
        let many: JSONValue = .array((0..<50).map { .int($0) })
        #expect(validator.validate(many, against: schema).count == 10)
        let three = SchemaValidator(configuration: .init(maxViolations: 3)).validate(many, against: schema)
        #expect(three.map(\.path) == ["[0]", "[1]", "[2]"])
    }
}
