import Logging
import ToolOpsCore
import Yams

extension ConfigurationReader {
    /// The value of `entry` as text, `${VAR}` references expanded; a problem, and `nil`, when it
    /// is a mapping, a list or empty. A `secret` value is never quoted in messages.
    mutating func text(_ entry: Entry, expected: String, secret: Bool = false) -> String? {
        guard case .scalar(let scalar) = entry.value else {
            problem(entry, "expected \(expected), got \(entry.value.kindDescription)")
            return nil
        }
        guard !entry.value.isNull else {
            problem(entry, "expected \(expected), got nothing; write a value or remove the key")
            return nil
        }
        switch Interpolation.expand(scalar.string, environment: environment) {
        case .success(let value):
            return value
        case .failure(.unset(let name)):
            problem(
                entry,
                "environment variable \(name) is not set (the value reads ${\(name)}); set it, "
                    + "or give a fallback: ${\(name):-fallback}")
        case .failure(.malformed(let reference)):
            let quoted = secret ? "a '${' reference" : "'\(reference)'"
            problem(
                entry,
                "\(quoted) is not a variable reference; write ${NAME} or ${NAME:-fallback} ($${ for a literal ${)")
        }
        return nil
    }

    /// A value that is written as itself (not quoted in messages if `secret`).
    mutating func string(_ entry: Entry, expected: String = "a text value", secret: Bool = false) -> String? {
        let value = text(entry, expected: expected, secret: secret)
        if value != nil { record(entry) }
        return value
    }

    mutating func duration(_ entry: Entry) -> Duration? {
        parsed(entry, expected: DurationText.examples, DurationText.parse)
    }

    mutating func size(_ entry: Entry) -> Int? {
        parsed(entry, expected: ByteSizeText.examples, ByteSizeText.parse)
    }

    mutating func wholeNumber(_ entry: Entry) -> Int? {
        parsed(entry, expected: "a whole number like 10000") { Int($0.filter { $0 != "_" }) }
    }

    mutating func number(_ entry: Entry) -> Double? {
        parsed(entry, expected: "a number like 0.002") { text in
            Double(text.filter { $0 != "_" }).flatMap { $0.isFinite ? $0 : nil }
        }
    }

    mutating func bool(_ entry: Entry) -> Bool? {
        parsed(entry, expected: "true or false", Self.parseBool)
    }

    mutating func logLevel(_ entry: Entry) -> Logger.Level? {
        guard let text = text(entry, expected: "a log level") else { return nil }
        guard let level = Self.parseLogLevel(text) else {
            problem(entry, Self.unknownLogLevelMessage(text))
            return nil
        }
        record(entry)
        return level
    }

    /// The value of `entry` read with `parse`; `expected, got '…'` when it does not read.
    private mutating func parsed<Value>(_ entry: Entry, expected: String, _ parse: (String) -> Value?) -> Value? {
        guard let text = text(entry, expected: expected) else { return nil }
        guard let value = parse(text) else {
            problem(entry, "expected \(expected), got '\(text)'")
            return nil
        }
        record(entry)
        return value
    }

    static func parseBool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on": true
        case "false", "no", "off": false
        default: nil
        }
    }

    static func parseLogLevel(_ text: String) -> Logger.Level? {
        Logger.Level(rawValue: text.lowercased())
    }

    static func unknownLogLevelMessage(_ text: String) -> String {
        let names = Logger.Level.allCases.map(\.rawValue)
        let hint =
            NameSuggestion.closest(to: text, among: names, prefixes: true).map { " (did you mean '\($0)'?)" } ?? ""
        return "unknown log level '\(text)'\(hint); use one of \(names.joined(separator: ", "))"
    }
}
