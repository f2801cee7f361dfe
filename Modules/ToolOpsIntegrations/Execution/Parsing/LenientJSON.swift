import ToolOpsCore

/// JSON as models write it: strict JSON first, then a repaired copy through Core's strict parser.
///
/// Repairs, applied only outside double-quoted strings:
/// - a trailing comma before `}` or `]` is dropped;
/// - a single-quoted string or key becomes double-quoted (`\'` inside becomes `'`, `"` becomes `\"`);
/// - Python's `True`, `False` and `None` become `true`, `false` and `null` (whole words only).
///
/// Nothing else is guessed: unquoted keys, comments or missing brackets stay errors, reported to
/// the model rather than silently "fixed" into a call it did not mean.
enum LenientJSON {
    /// Why text holds no JSON value, in the strict parser's words.
    struct Failure: Error {
        let reason: String
    }

    /// The value `text` holds, or the strict parser's reason it holds none.
    static func parse(_ text: String) -> Result<JSONValue, Failure> {
        do {
            return .success(try JSONValue(parsing: text))
        } catch {
            let repaired = repair(text)
            guard repaired != text else { return .failure(Failure(reason: reason(error))) }
            do {
                return .success(try JSONValue(parsing: repaired))
            } catch {
                return .failure(
                    Failure(reason: reason(error) + " (after repairing quotes, trailing commas and Python literals)"))
            }
        }
    }

    private static func reason(_ error: any Error) -> String {
        (error as? JSONParseError)?.description ?? "\(error)"
    }

    /// `text` with the repairs above applied.
    static func repair(_ text: String) -> String {
        let characters = Array(text)
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "\"", "'":
                index = copyString(characters, from: index, into: &output)
                continue
            case ",":
                var next = index + 1
                while next < characters.count, characters[next].isWhitespace { next += 1 }
                if next < characters.count, characters[next] == "}" || characters[next] == "]" {
                    index += 1
                    continue
                }
                output.append(",")
            case _ where character.isLetter:
                var end = index
                while end < characters.count, characters[end].isLetter || characters[end] == "_" { end += 1 }
                let word = String(characters[index..<end])
                output += ["True": "true", "False": "false", "None": "null"][word] ?? word
                index = end
                continue
            default:
                output.append(character)
            }
            index += 1
        }
        return output
    }

    /// Copies the string starting at `start` as a double-quoted JSON string; returns the index after it.
    private static func copyString(_ characters: [Character], from start: Int, into output: inout String) -> Int {
        let quote = characters[start]
        output.append("\"")
        var index = start + 1
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count {
                let escaped = characters[index + 1]
                // `\'` is not a JSON escape; everything else is copied for the strict parser to judge.
                output += escaped == "'" ? "'" : "\\\(escaped)"
                index += 2
                continue
            }
            if character == quote {
                output.append("\"")
                return index + 1
            }
            output += character == "\"" ? "\\\"" : String(character)
            index += 1
        }
        return index
    }
}
