import Yams

/// The YAML text of a configuration file, composed into a node tree with Yams (nodes keep their
/// line numbers, which `Codable` decoding would lose).
enum YAMLDocument {
    /// The document's root node, `nil` for an empty document; a syntax error becomes a
    /// ``ConfigurationError`` with the line and column libyaml reports.
    static func compose(_ text: String, file: String?) -> Result<Node?, ConfigurationError> {
        do {
            return .success(try Yams.compose(yaml: text, .default, .default, .utf8))
        } catch let error as YamlError {
            return .failure(configurationError(error, text: text, file: file))
        } catch {
            return .failure(ConfigurationError(file: file, message: "cannot read the YAML: \(error)"))
        }
    }

    static func configurationError(_ error: YamlError, text: String, file: String?) -> ConfigurationError {
        func located(_ problem: String, _ mark: Mark, _ context: YamlError.Context?) -> ConfigurationError {
            var message = "invalid YAML: \(problem)"
            if let context, context.mark.line != mark.line || context.mark.column != mark.column,
                context.mark.line > 0, !context.text.contains("\n")
            {
                message += " (\(context.text) at line \(context.mark.line))"
            }
            message += hint(forLine: mark.line, in: text)
            return ConfigurationError(file: file, line: mark.line, column: mark.column, message: message)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return located(problem, mark, context)
        case .reader(let problem, let offset, _, _):
            let position = offset.map { lineAndColumn(ofCharacterAt: $0, in: text) }
            return ConfigurationError(
                file: file, line: position?.line, column: position?.column,
                message: "the file is not valid UTF-8 YAML text: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return ConfigurationError(
                file: file, line: context.mark.line > 0 ? context.mark.line : nil,
                message: "\(names) written more than once in the same mapping; keep one")
        default:
            return ConfigurationError(file: file, message: "cannot read the YAML: \(error)")
        }
    }

    /// Advice for the two mistakes libyaml's words do not explain: tabs, and `${…}` inside `{…}`.
    static func hint(forLine line: Int, in text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return "" }
        let source = lines[line - 1]
        if source.prefix(while: { $0 == " " || $0 == "\t" }).contains("\t") {
            return "; indent with spaces, not tabs"
        }
        if source.contains("${"), source.replacing("${", with: "").contains("{") {
            return "; inside {…}, quote a value containing ${…}: url: \"${TOOLOPS_POSTGRES_URL}\""
        }
        return ""
    }

    /// The 1-based line and column of the character `offset` characters into `text`.
    static func lineAndColumn(ofCharacterAt offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}

extension Node {
    /// The node's 1-based line, if it came from a file.
    var line: Int? { mark?.line }

    /// What kind of node this is, for "expected …, got a list" messages.
    var kindDescription: String {
        switch self {
        case .scalar: "a value"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    /// Whether this is YAML's null: an empty plain value, `~` or `null`.
    var isNull: Bool {
        guard case .scalar(let scalar) = self, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }
}
