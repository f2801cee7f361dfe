import ToolOpsCore

/// The shapes of a call written as JSON in text, and how each maps to name, arguments and id.
///
/// - `{"name": …, "arguments": {…}}` (also `parameters`, `input`, `args`, `params` for the arguments);
/// - `{"tool": …, "args": {…}}` (also `tool_name`);
/// - `{"function": {"name": …, "arguments": …}, "id": …}` (OpenAI's own item) or `{"function": "name", …}`;
/// - `{"tool_calls": [ … ]}` and a top-level array: each element is read as a call.
enum CallShape {
    static let nameKeys = ["name", "tool", "tool_name"]
    static let argumentKeys = ["arguments", "args", "input", "parameters", "params"]

    /// Adds the calls `value` holds; returns false when it is not call-shaped at all (plain data).
    static func collect(
        _ value: JSONValue, source: String, at location: ToolCallParseError.Location, into items: inout ItemCollector
    ) -> Bool {
        switch value {
        case .array(let elements):
            guard elements.contains(where: isCallShaped) else { return false }
            for element in elements {
                if isCallShaped(element) {
                    _ = collect(element, source: "\(element)", at: location, into: &items)
                } else {
                    items.fail(
                        "this array element is not a tool call (expected {\"name\": …, \"arguments\": {…}})",
                        source: "\(element)", at: location)
                }
            }
            return true
        case .object(let members):
            if let calls = members["tool_calls"]?.arrayValue {
                return collect(.array(calls), source: source, at: location, into: &items)
            }
            guard isCallShaped(value) else { return false }
            var call = members
            if let function = members["function"]?.objectValue {
                call.merge(function) { _, inner in inner }
            } else if let function = members["function"] {
                call["name"] = call["name"] ?? function
            }
            let name = nameKeys.lazy.compactMap { call[$0] }.first
            let arguments = argumentKeys.lazy.compactMap { call[$0] }.first
            let id = (call["id"] ?? call["call_id"])?.stringValue
            items.add(id: id, name: name, arguments: arguments, source: source, at: location)
            return true
        default:
            return false
        }
    }

    /// Whether `value` is an object with a name key, a `function`, or `tool_calls`.
    static func isCallShaped(_ value: JSONValue) -> Bool {
        guard let members = value.objectValue else { return false }
        return members["function"] != nil || members["tool_calls"] != nil || nameKeys.contains { members[$0] != nil }
    }
}
