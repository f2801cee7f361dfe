import ToolOpsCore

/// Why a call produced an error result instead of the tool's output.
///
/// Every case is something the model can act on, and ``json`` says it in a form it reads:
/// `{"error": {"code": "invalidArguments", "message": …, "violations": [{"field": "units", …}]}}`.
public enum ToolCallFailure: Error, Sendable, CustomStringConvertible {
    /// The call could not be read (bad JSON, no name). The tool was not called.
    case malformed(ToolCallParseError)
    /// No tool has that name. The error carries the closest registered name.
    case unknownTool(ToolRegistryError)
    /// The arguments break the tool's input schema. The tool was not called.
    case invalidArguments(tool: String, violations: [SchemaViolation])
    /// The tool ran and failed, or timed out (code `timeout`), or was cancelled.
    case failed(ToolError)

    /// A short machine-readable code: `malformedCall`, `unknownTool`, `invalidArguments`, or the
    /// ``ToolError`` code (`upstream`, `timeout`, …).
    public var code: String {
        switch self {
        case .malformed: "malformedCall"
        case .unknownTool: "unknownTool"
        case .invalidArguments: "invalidArguments"
        case .failed(let error): error.code.description
        }
    }

    /// What went wrong and what to do, in words.
    public var message: String {
        switch self {
        case .malformed(let error):
            "the tool call could not be read: \(error.reason); send the arguments as one JSON object"
        case .unknownTool(let error):
            error.message
        case .invalidArguments(let tool, let violations):
            "the arguments do not match the schema of '\(tool)': "
                + violations.map(\.description).joined(separator: "; ")
        case .failed(let error):
            error.message
        }
    }

    public var description: String { "\(code): \(message)" }

    /// The error as the JSON object sent back to the model.
    public var json: JSONValue {
        var error: [String: JSONValue] = ["code": .string(code), "message": .string(message)]
        switch self {
        case .malformed(let parseError):
            error["snippet"] = .string(parseError.snippet)
            if let name = parseError.toolName { error["tool"] = .string(name) }
        case .unknownTool(let registryError):
            error["tool"] = .string(registryError.name)
            if let suggestion = registryError.suggestion { error["did_you_mean"] = .string(suggestion) }
        case .invalidArguments(let tool, let violations):
            error["tool"] = .string(tool)
            error["violations"] = .array(violations.map(\.json))
        case .failed(let toolError):
            if let tool = toolError.tool { error["tool"] = .string(tool) }
            if let field = toolError.field { error["field"] = .string(field) }
            error["retryable"] = .bool(toolError.isRetryable)
        }
        return ["error": .object(error)]
    }
}
