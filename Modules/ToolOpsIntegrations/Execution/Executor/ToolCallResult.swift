import ToolOpsCore

/// The answer to one tool call: the tool's output, or an error the model can act on.
public struct ToolCallResult: Sendable {
    /// The output, or why there is none.
    public enum Outcome: Sendable {
        /// The tool's result.
        case success(JSONValue)
        /// Why the call produced no result.
        case failure(ToolCallFailure)
    }

    /// The model's call id this result answers.
    public var callID: String
    /// The tool called, when the call named one.
    public var toolName: String?
    /// The output, or why there is none.
    public var outcome: Outcome

    public init(callID: String, toolName: String?, outcome: Outcome) {
        self.callID = callID
        self.toolName = toolName
        self.outcome = outcome
    }

    /// Whether the call failed.
    public var isError: Bool {
        if case .failure = outcome { return true }
        return false
    }

    /// The failure, if the call failed.
    public var failure: ToolCallFailure? {
        if case .failure(let failure) = outcome { return failure }
        return nil
    }

    /// The text sent to the model: the output's canonical JSON, or the failure's JSON error object.
    public var content: String {
        switch outcome {
        case .success(let value): value.description
        case .failure(let failure): failure.json.description
        }
    }
}
