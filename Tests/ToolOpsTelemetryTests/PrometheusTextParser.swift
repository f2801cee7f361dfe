/// A strict reader of the Prometheus text exposition format 0.0.4, enough to check what
/// `ToolOpsPrometheus` writes: `# HELP` and `# TYPE` lines, other comments, and samples
/// `name{label="value",…} number [timestamp]`.
struct PrometheusText {
    /// One sample line, with its label values unescaped.
    struct Sample: Equatable {
        var name: String
        var labels: [String: String]
        var value: Double
        /// The sample's 0-based line number.
        var line: Int
    }

    /// One `# TYPE` line.
    struct TypeLine: Equatable {
        var name: String
        var type: String
        var line: Int
    }

    /// A line that does not follow the format, with the reason.
    struct Malformed: Error, CustomStringConvertible {
        var line: Int
        var text: String
        var reason: String
        var description: String { "line \(line) (\(reason)): \(text)" }
    }

    var samples: [Sample] = []
    var types: [TypeLine] = []

    /// Parses `text`, throwing on the first line that is not valid.
    init(parsing text: String) throws {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (number, line) in lines.enumerated() {
            func fail(_ reason: String) -> Malformed { Malformed(line: number, text: line, reason: reason) }
            if line.isEmpty {
                // Only the newline that ends the last line may leave an empty remainder.
                guard number == lines.count - 1 else { throw fail("empty line") }
            } else if line.hasPrefix("# TYPE ") {
                let parts = line.dropFirst("# TYPE ".count).split(separator: " ", omittingEmptySubsequences: false)
                guard parts.count == 2, Self.isValidMetricName(String(parts[0])) else { throw fail("bad TYPE") }
                guard ["counter", "gauge", "histogram", "summary", "untyped"].contains(parts[1]) else {
                    throw fail("unknown type")
                }
                types.append(TypeLine(name: String(parts[0]), type: String(parts[1]), line: number))
            } else if line.hasPrefix("# HELP ") {
                let name = line.dropFirst("# HELP ".count).prefix { $0 != " " }
                guard Self.isValidMetricName(String(name)) else { throw fail("bad HELP") }
            } else if line.hasPrefix("#") {
                continue
            } else {
                var reader = SampleReader(characters: Array(line))
                guard let sample = reader.sample(line: number) else { throw fail(reader.failure) }
                samples.append(sample)
            }
        }
    }

    /// Whether `name` matches `[a-zA-Z_:][a-zA-Z0-9_:]*`.
    static func isValidMetricName(_ name: String) -> Bool {
        guard let first = name.first, !first.isNumber else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ":") }
    }

    /// Whether `name` matches `[a-zA-Z_][a-zA-Z0-9_]*`.
    static func isValidLabelName(_ name: String) -> Bool {
        isValidMetricName(name) && !name.contains(":")
    }
}

/// Reads one sample line character by character.
private struct SampleReader {
    let characters: [Character]
    var index = 0
    var failure = ""

    init(characters: [Character]) {
        self.characters = characters
    }

    mutating func sample(line: Int) -> PrometheusText.Sample? {
        let name = read { $0 != "{" && $0 != " " }
        guard PrometheusText.isValidMetricName(name) else { return fail("bad metric name '\(name)'") }
        var labels: [String: String] = [:]
        if peek == "{" {
            index += 1
            while peek != "}" {
                let label = read { $0 != "=" }
                guard PrometheusText.isValidLabelName(label) else { return fail("bad label name '\(label)'") }
                guard labels[label] == nil else { return fail("duplicate label \(label)") }
                guard take("="), take("\""), let value = quotedValue() else { return fail("bad value of \(label)") }
                labels[label] = value
                if peek == "," { index += 1 } else if peek != "}" { return fail("expected , or }") }
            }
            index += 1
        }
        guard take(" ") else { return fail("expected a space before the value") }
        let valueText = read { $0 != " " }
        guard let value = Self.number(valueText) else { return fail("bad value '\(valueText)'") }
        if take(" ") {
            let timestamp = read { _ in true }
            guard Int64(timestamp) != nil else { return fail("bad timestamp") }
        }
        guard index == characters.count else { return fail("trailing characters") }
        return PrometheusText.Sample(name: name, labels: labels, value: value, line: line)
    }

    /// Reads a label value after its opening quote, through its closing quote, undoing `\\`, `\"`
    /// and `\n`; any other escape, or a missing closing quote, is an error.
    private mutating func quotedValue() -> String? {
        var value = ""
        while let character = peek {
            index += 1
            switch character {
            case "\"":
                return value
            case "\\":
                switch peek {
                case "\\": value.append("\\")
                case "\"": value.append("\"")
                case "n": value.append("\n")
                default: return nil
                }
                index += 1
            default:
                value.append(character)
            }
        }
        return nil
    }

    private static func number(_ text: String) -> Double? {
        switch text {
        case "+Inf": .infinity
        case "-Inf": -.infinity
        case "NaN": .nan
        default: Double(text)
        }
    }

    private var peek: Character? { index < characters.count ? characters[index] : nil }

    private mutating func take(_ character: Character) -> Bool {
        guard peek == character else { return false }
        index += 1
        return true
    }

    private mutating func read(while predicate: (Character) -> Bool) -> String {
        let start = index
        while let character = peek, predicate(character) { index += 1 }
        return String(characters[start..<index])
    }

    private mutating func fail(_ reason: String) -> PrometheusText.Sample? {
        failure = reason
        return nil
    }
}
