extension ToolError {
    /// Turns anything a tool body or a stage throws into a `ToolError`.
    ///
    /// `CancellationError` becomes ``Code-swift.struct/cancelled``; a `ToolError` keeps its code and
    /// gains the tool name; anything else is an upstream failure that is retryable by default,
    /// with its description masked by `redactor`.
    public static func classify(_ error: any Error, tool: String, redactor: Redactor = Redactor()) -> ToolError {
        switch error {
        case var toolError as ToolError:
            if toolError.tool == nil { toolError.tool = tool }
            toolError.message = redactor.redact(toolError.message)
            return toolError
        case is CancellationError:
            return .cancelled(tool: tool)
        default:
            // Includes a JSONParseError from the body (an upstream answering garbage): the caller's
            // own arguments are parsed, and reported as invalid, before the pipeline runs.
            return ToolError(
                code: .upstream,
                tool: tool,
                message: redactor.redact(String(describing: error)),
                isRetryable: true,
                underlying: error
            )
        }
    }

    /// An invalid-arguments error naming the field a `DecodingError` or `EncodingError` is about.
    public static func invalidArguments(
        from error: any Error,
        tool: String,
        sensitive: SensitiveArguments = SensitiveArguments()
    ) -> ToolError {
        func path(_ codingPath: [any CodingKey]) -> String? {
            guard !codingPath.isEmpty else { return nil }
            var text = ""
            for key in codingPath {
                if let index = key.intValue, key.stringValue == String(index) {
                    text += "[\(index)]"
                } else {
                    text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
                }
            }
            return text
        }
        let field: String?
        let message: String
        switch error {
        case DecodingError.typeMismatch(_, let context), DecodingError.dataCorrupted(let context):
            field = path(context.codingPath)
            message = context.debugDescription
        case DecodingError.valueNotFound(_, let context):
            field = path(context.codingPath)
            message = "value is null or missing: \(context.debugDescription)"
        case DecodingError.keyNotFound(let key, let context):
            field = path(
                context.codingPath.last?.stringValue == key.stringValue
                    ? context.codingPath : context.codingPath + [key])
            message = "required field is missing"
        case EncodingError.invalidValue(_, let context):
            field = path(context.codingPath)
            message = context.debugDescription
        case let parse as JSONParseError:
            field = nil
            message = parse.description
        default:
            field = nil
            message = String(describing: error)
        }
        // Never echo a value inside a sensitive field back in an error, at any depth.
        let segments = (field ?? "").split(whereSeparator: { $0 == "." || $0 == "[" }).map { String($0) }
        let masked = segments.contains { !$0.hasSuffix("]") && sensitive.isSensitive($0) }
        let safeMessage = masked ? "invalid value (masked)" : message
        return ToolError(code: .invalidArguments, tool: tool, message: safeMessage, field: field, underlying: nil)
    }
}
