/// A provider's rule for tool names: a length limit, the characters allowed, and what may come first.
///
/// The built-in rules are the providers' documented ones. ``check(_:)`` returns the broken part of
/// the rule in words, so the error can say exactly what to change.
///
/// ```swift
/// ToolNameRule.gemini.check("1st_tool")  // "must start with a letter or an underscore"
/// ```
public struct ToolNameRule: Sendable, Hashable {
    /// The longest name allowed, in characters.
    public var maxLength: Int
    /// The characters allowed besides ASCII letters and digits.
    public var extraCharacters: Set<Character>
    /// Whether the first character must be an ASCII letter or an underscore.
    public var mustStartWithLetterOrUnderscore: Bool

    /// Creates a rule.
    public init(maxLength: Int, extraCharacters: Set<Character>, mustStartWithLetterOrUnderscore: Bool = false) {
        self.maxLength = maxLength
        self.extraCharacters = extraCharacters
        self.mustStartWithLetterOrUnderscore = mustStartWithLetterOrUnderscore
    }

    /// OpenAI (Chat Completions and Responses) function names: `^[a-zA-Z0-9_-]{1,64}$`.
    public static let openAI = ToolNameRule(maxLength: 64, extraCharacters: ["_", "-"])
    /// Anthropic tool names: `^[a-zA-Z0-9_-]{1,64}$`.
    public static let anthropic = ToolNameRule(maxLength: 64, extraCharacters: ["_", "-"])
    /// Gemini function names: start with a letter or `_`, then `[a-zA-Z0-9_.-]`, at most 64.
    public static let gemini = ToolNameRule(
        maxLength: 64, extraCharacters: ["_", ".", "-"], mustStartWithLetterOrUnderscore: true)
    /// MCP tool names (2025-11-25 guidance): `^[A-Za-z0-9_.-]{1,128}$`.
    public static let mcp = ToolNameRule(maxLength: 128, extraCharacters: ["_", ".", "-"])

    /// The rule in words, for error messages ("1-64 characters of letters, digits, '_' or '-'").
    public var summary: String {
        let extras = extraCharacters.sorted().map { "'\($0)'" }.joined(separator: ", ")
        let start = mustStartWithLetterOrUnderscore ? ", starting with a letter or '_'" : ""
        return "1-\(maxLength) characters of ASCII letters, digits or \(extras)\(start)"
    }

    /// What is wrong with `name` under this rule, or `nil` when it is valid.
    public func check(_ name: String) -> String? {
        if name.isEmpty { return "the name is empty" }
        if name.count > maxLength { return "the name is \(name.count) characters long; the limit is \(maxLength)" }
        if let bad = name.first(where: { !isAllowed($0) }) {
            return "the character '\(bad)' is not allowed"
        }
        if mustStartWithLetterOrUnderscore, let first = name.first, !(isASCIILetter(first) || first == "_") {
            return "the name must start with a letter or an underscore, not '\(first)'"
        }
        return nil
    }

    private func isAllowed(_ character: Character) -> Bool {
        (character.isASCII && (character.isLetter || character.isNumber)) || extraCharacters.contains(character)
    }

    private func isASCIILetter(_ character: Character) -> Bool {
        character.isASCII && character.isLetter
    }
}
