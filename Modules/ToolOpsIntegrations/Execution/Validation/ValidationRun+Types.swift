import ToolOpsCore

extension ValidationRun {
    /// Whether `value` is of the JSON Schema `type` (a name or a list of names).
    ///
    /// `integer` accepts any whole number, including `3.0` written as a double; `number` accepts every number.
    static func matches(_ value: JSONValue, type: JSONValue) -> Bool {
        switch type {
        case .string(let name): matches(value, name: name)
        case .array(let names): names.contains { $0.stringValue.map { matches(value, name: $0) } ?? false }
        default: true
        }
    }

    private static func matches(_ value: JSONValue, name: String) -> Bool {
        switch (name, value) {
        case ("integer", .int), ("integer", .uint): true
        case ("integer", .double(let number)): number.isFinite && number.rounded(.towardZero) == number
        case ("number", .int), ("number", .uint), ("number", .double): true
        default: value.typeName == name
        }
    }

    /// The `type` keyword in words: `string`, `string or null`.
    static func describe(type: JSONValue) -> String {
        switch type {
        case .string(let name): name
        case .array(let names): names.compactMap(\.stringValue).joined(separator: " or ")
        default: "\(type)"
        }
    }

    /// JSON equality, with numbers compared by value (`3` equals `3.0`).
    static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
        if let x = a.doubleValue, let y = b.doubleValue { return x == y }
        return a == b
    }

    /// `anyOf`/`oneOf` and `allOf`.
    ///
    /// When no branch fits and all but one branch only allow `null` (an optional), the violations
    /// of that one branch are reported: they say what is wrong, where "matches no branch" would not.
    mutating func checkComposition(_ value: JSONValue, _ schema: [String: JSONValue], path: String, depth: Int) {
        for branch in schema["allOf"]?.arrayValue ?? [] {
            check(value, branch, path: path, depth: depth + 1)
        }
        guard let branches = schema["anyOf"]?.arrayValue ?? schema["oneOf"]?.arrayValue, !branches.isEmpty else {
            return
        }
        var failures: [[SchemaViolation]] = []
        for branch in branches {
            var trial = ValidationRun(root: root, configuration: configuration)
            trial.check(value, branch, path: path, depth: depth + 1)
            if trial.violations.isEmpty { return }
            failures.append(trial.violations)
        }
        let meaningful = zip(branches, failures).filter { branch, _ in branch["type"] != .string("null") }
        if meaningful.count == 1, value != .null {
            for violation in meaningful[0].1 where !isFull { violations.append(violation) }
            return
        }
        let kinds = branches.map { branch in branch["type"].map(Self.describe(type:)) ?? "a matching shape" }
        report(path, "anyOf", expected: "one of: \(kinds.joined(separator: ", "))", got: ValueSummary.describe(value))
    }
}
