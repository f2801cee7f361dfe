import ToolOpsCore

extension ValidationRun {
    mutating func checkString(_ text: String, _ schema: [String: JSONValue], path: String) {
        let length = text.unicodeScalars.count
        if let minimum = schema["minLength"]?.doubleValue, Double(length) < minimum {
            report(path, "minLength", expected: "at least \(Int(minimum)) characters", got: "\(length)")
        }
        if let maximum = schema["maxLength"]?.doubleValue, Double(length) > maximum {
            report(path, "maxLength", expected: "at most \(Int(maximum)) characters", got: "\(length)")
        }
        if let pattern = schema["pattern"]?.stringValue {
            if let regex = try? Regex(pattern) {
                if (try? regex.firstMatch(in: text)) == nil {
                    report(
                        path, "pattern", expected: "text matching /\(pattern)/",
                        got: ValueSummary.describe(.string(text)))
                }
            } else {
                report(path, "pattern", expected: "a valid pattern in the schema", got: "/\(pattern)/ (fix the schema)")
            }
        }
        if let format = schema["format"]?.stringValue, let valid = StringFormat.check(text, format: format), !valid {
            report(path, "format", expected: "a \(format)", got: ValueSummary.describe(.string(text)))
        }
    }

    mutating func checkNumber(_ value: JSONValue, _ schema: [String: JSONValue], path: String) {
        guard let number = value.doubleValue else { return }
        let got = ValueSummary.describe(value)
        if let minimum = schema["minimum"], let bound = minimum.doubleValue, number < bound {
            report(path, "minimum", expected: "at least \(minimum)", got: got)
        }
        if let maximum = schema["maximum"], let bound = maximum.doubleValue, number > bound {
            report(path, "maximum", expected: "at most \(maximum)", got: got)
        }
        if let minimum = schema["exclusiveMinimum"], let bound = minimum.doubleValue, number <= bound {
            report(path, "exclusiveMinimum", expected: "more than \(minimum)", got: got)
        }
        if let maximum = schema["exclusiveMaximum"], let bound = maximum.doubleValue, number >= bound {
            report(path, "exclusiveMaximum", expected: "less than \(maximum)", got: got)
        }
    }

    mutating func checkArray(_ elements: [JSONValue], _ schema: [String: JSONValue], path: String, depth: Int) {
        if let minimum = schema["minItems"]?.doubleValue, Double(elements.count) < minimum {
            report(path, "minItems", expected: "at least \(Int(minimum)) items", got: "\(elements.count)")
        }
        if let maximum = schema["maxItems"]?.doubleValue, Double(elements.count) > maximum {
            report(path, "maxItems", expected: "at most \(Int(maximum)) items", got: "\(elements.count)")
        }
        if schema["uniqueItems"] == .bool(true), Set(elements).count < elements.count {
            report(path, "uniqueItems", expected: "items without duplicates", got: "duplicates")
        }
        guard let items = schema["items"] else { return }
        for (index, element) in elements.enumerated() where !isFull {
            check(element, items, path: "\(path)[\(index)]", depth: depth + 1)
        }
    }

    mutating func checkObject(_ members: [String: JSONValue], _ schema: [String: JSONValue], path: String, depth: Int) {
        let properties = schema["properties"]?.objectValue ?? [:]
        let additional = schema["additionalProperties"]
        let closed =
            additional == .bool(false)
            || (additional == nil && configuration.rejectsUndeclaredFields && schema["properties"] != nil)
        let unknown = members.keys.filter { properties[$0] == nil }
        for key in members.keys.sorted() where !isFull {
            let member = members[key]!
            if let property = properties[key] {
                check(member, property, path: Self.join(path, key), depth: depth + 1)
            } else if closed {
                let known = properties.keys.sorted()
                let list = known.prefix(10).joined(separator: ", ") + (known.count > 10 ? ", …" : "")
                report(
                    Self.join(path, key), "additionalProperties",
                    expected: known.isEmpty ? "no fields" : "a known field (\(list))", got: "unexpected field",
                    suggestion: NameSuggestion.closest(to: key, among: known))
            } else if let additional, additional.objectValue != nil {
                check(member, additional, path: Self.join(path, key), depth: depth + 1)
            }
        }
        for name in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where members[name] == nil {
            // A required field is often missing because it was misspelt: point at the field sent instead.
            let sent = NameSuggestion.closest(to: name, among: unknown)
            report(
                Self.join(path, name), "required", expected: "a value (the field is required)",
                got: sent.map { "missing ('\($0)' was sent instead; rename it to '\(name)')" } ?? "missing")
        }
    }
}
