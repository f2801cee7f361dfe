/// A framework's or provider's tool-definition format, the target of ``ToolExporter``.
///
/// Each case produces the JSON that provider's API accepts for one tool; see `Docs/INTEGRATIONS.md`
/// for the exact shape and every transformation applied to the input schema.
///
/// ```swift
/// let tool = try ToolExporter.export(definition, as: .openAIChat(strict: true))
/// ```
public enum ToolFormat: Sendable, Hashable, CustomStringConvertible {
    /// OpenAI Chat Completions: `{"type":"function","function":{"name","description","parameters"}}`.
    ///
    /// With `strict`, the schema is rewritten for Structured Outputs (closed objects, every property
    /// required) and `"strict": true` is added to `function`.
    case openAIChat(strict: Bool)
    /// OpenAI Responses API: the flat `{"type":"function","name","description","parameters","strict"}`.
    ///
    /// `strict` is always written, because the Responses API treats a missing `strict` as `true`.
    case openAIResponses(strict: Bool)
    /// Anthropic Messages API: `{"name","description","input_schema"}`.
    case anthropic
    /// Anthropic with strict tool use: the input schema rewritten as for OpenAI's strict mode (closed
    /// objects, every property required) and `"strict": true`, so Claude's tool calls always match
    /// the schema. Also spelled ``anthropic(strict:)``.
    case anthropicStrict
    /// A Gemini `functionDeclarations` item: `{"name","description","parameters"}`, with the schema
    /// reduced to the OpenAPI 3.0 subset Gemini accepts.
    case gemini
    /// What LangChain's `convert_to_openai_tool` produces: the OpenAI Chat Completions shape, non-strict.
    case langChain
    /// An MCP `tools/list` item (protocol 2025-06-18 and later), with `outputSchema` and annotations.
    case mcp

    /// The provider's name, as used in error messages.
    public var description: String {
        switch self {
        case .openAIChat(let strict): strict ? "OpenAI Chat Completions (strict)" : "OpenAI Chat Completions"
        case .openAIResponses(let strict): strict ? "OpenAI Responses (strict)" : "OpenAI Responses"
        case .anthropic: "Anthropic"
        case .anthropicStrict: "Anthropic (strict)"
        case .gemini: "Gemini"
        case .langChain: "LangChain"
        case .mcp: "MCP"
        }
    }

    /// The rule tool names must follow in this format.
    public var nameRule: ToolNameRule {
        switch self {
        case .openAIChat, .openAIResponses, .langChain: .openAI
        case .anthropic, .anthropicStrict: .anthropic
        case .gemini: .gemini
        case .mcp: .mcp
        }
    }

    /// Anthropic Messages API, strict (``anthropicStrict``) or not (``anthropic``), in the spelling of
    /// the OpenAI formats.
    public static func anthropic(strict: Bool) -> ToolFormat { strict ? .anthropicStrict : .anthropic }
}
