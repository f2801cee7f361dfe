import ToolOpsCore

/// Checks a JSON value against the JSON Schema subset ToolOps generates, collecting every violation.
///
/// Supported keywords: `type` (one or a list; `integer` accepts whole numbers such as `3.0`),
/// `properties`, `required`, `additionalProperties` (`false` or a schema), `items`, `enum`, `const`,
/// `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`, `minLength`, `maxLength` (in Unicode
/// scalars), `pattern` (a Swift `Regex`, unanchored as in JSON Schema), `minItems`, `maxItems`,
/// `uniqueItems`, `format` (`date-time`, `date`, `uri`, `email`, `uuid`; others are ignored, as the
/// specification allows), `anyOf`/`oneOf` (treated alike: generated schemas only use them for
/// disjoint shapes and optionals), `allOf`, `nullable: true`, and local `$ref`s into `$defs` or
/// `definitions`. Unknown keywords are ignored.
///
/// Violations come in a stable order (fields sorted by name) and are capped by
/// ``Configuration/maxViolations``, so a wildly wrong value still gives a short, readable answer.
///
/// ```swift
/// let violations = SchemaValidator().validate(["citty": "Paris"], against: schema)
/// // [citty: expected a known field (city, units), got unexpected field; did you mean 'city'?,
/// //  city: expected a value (the field is required), got missing ('citty' was sent instead; …)]
/// ```
public struct SchemaValidator: Sendable {
    /// Limits of one validation.
    public struct Configuration: Sendable, Hashable {
        /// The most violations one validation reports. Default 10.
        public var maxViolations: Int
        /// The deepest nesting of schemas followed (a guard against `$ref` cycles). Default 64.
        public var maxDepth: Int
        /// Whether a field that an object schema with `properties` does not declare is a violation
        /// even when the schema says nothing about `additionalProperties`. Default `true`.
        ///
        /// JSON Schema allows such fields, but a Swift input type's decoder drops them silently, so
        /// a model's misspelt optional field (`unit` for `units`) would be ignored without a word.
        /// Reporting it, with a did-you-mean, lets the model correct the call. A schema that says
        /// `additionalProperties: true` or gives a schema for them is followed as written.
        public var rejectsUndeclaredFields: Bool

        public init(maxViolations: Int = 10, maxDepth: Int = 64, rejectsUndeclaredFields: Bool = true) {
            self.maxViolations = max(1, maxViolations)
            self.maxDepth = max(1, maxDepth)
            self.rejectsUndeclaredFields = rejectsUndeclaredFields
        }
    }

    /// The validator's limits.
    public var configuration: Configuration

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Every way `value` breaks `schema` (up to ``Configuration/maxViolations``); empty when it fits.
    public func validate(_ value: JSONValue, against schema: JSONValue) -> [SchemaViolation] {
        var run = ValidationRun(root: schema, configuration: configuration)
        run.check(value, schema, path: "", depth: 0)
        return run.violations
    }
}

/// The state of one validation: the root schema (for `$ref`s) and the violations found so far.
struct ValidationRun {
    let root: JSONValue
    let configuration: SchemaValidator.Configuration
    var violations: [SchemaViolation] = []

    init(root: JSONValue, configuration: SchemaValidator.Configuration) {
        self.root = root
        self.configuration = configuration
    }

    var isFull: Bool { violations.count >= configuration.maxViolations }

    mutating func report(_ path: String, _ keyword: String, expected: String, got: String, suggestion: String? = nil) {
        guard !isFull else { return }
        violations.append(
            SchemaViolation(path: path, keyword: keyword, expected: expected, got: got, suggestion: suggestion))
    }

    mutating func check(_ value: JSONValue, _ schema: JSONValue, path: String, depth: Int) {
        guard !isFull else { return }
        guard depth <= configuration.maxDepth else {
            return report(
                path, "$ref", expected: "a schema nested at most \(configuration.maxDepth) deep", got: "deeper")
        }
        switch schema {
        case .bool(false):
            return report(
                path, "false", expected: "nothing (the schema allows no value)", got: ValueSummary.describe(value))
        case .object(let keywords): check(value, keywords, path: path, depth: depth)
        default: return  // `true`, or not a schema: accepts anything.
        }
    }

    private mutating func check(_ value: JSONValue, _ schema: [String: JSONValue], path: String, depth: Int) {
        if let reference = schema["$ref"]?.stringValue {
            guard let target = resolve(reference) else {
                return report(
                    path, "$ref", expected: "a schema at '\(reference)'", got: "no such definition in the schema")
            }
            check(value, target, path: path, depth: depth + 1)
        }
        if value == .null, schema["nullable"] == .bool(true) { return }
        checkComposition(value, schema, path: path, depth: depth)
        if let type = schema["type"], !Self.matches(value, type: type) {
            return report(path, "type", expected: Self.describe(type: type), got: ValueSummary.describe(value))
        }
        if let allowed = schema["enum"]?.arrayValue, !allowed.contains(where: { Self.equal($0, value) }) {
            let strings = allowed.compactMap(\.stringValue)
            let suggestion = value.stringValue.flatMap { NameSuggestion.closest(to: $0, among: strings) }
            let list = allowed.prefix(10).map(\.description).joined(separator: ", ")
            report(path, "enum", expected: "one of \(list)", got: ValueSummary.describe(value), suggestion: suggestion)
        }
        if let constant = schema["const"], !Self.equal(constant, value) {
            report(path, "const", expected: "\(constant)", got: ValueSummary.describe(value))
        }
        switch value {
        case .string(let text): checkString(text, schema, path: path)
        case .int, .uint, .double: checkNumber(value, schema, path: path)
        case .array(let elements): checkArray(elements, schema, path: path, depth: depth)
        case .object(let members): checkObject(members, schema, path: path, depth: depth)
        case .null, .bool: break
        }
    }

    private func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#") else { return nil }
        var node = root
        for segment in reference.dropFirst().split(separator: "/") {
            let key = String(segment).replacing("~1", with: "/").replacing("~0", with: "~")
            guard let next = node[key] else { return nil }
            node = next
        }
        return node
    }

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
}
