import Foundation
import MCP
import ToolOpsCore

// Conversions between ToolOps' `JSONValue` and the MCP SDK's `Value`, both ways.
//
// The two models differ in three places: `JSONValue` keeps integers above `Int64.max` (`.uint`),
// which MCP's `Int` cannot hold, so they become doubles (as any JSON parser on the other side would
// read them); MCP's `.data` has no JSON counterpart and travels as its data-URL string, exactly as
// the SDK encodes it on the wire.

extension JSONValue {
    /// The JSON value of an MCP `Value`; `.data` becomes its `data:` URL string.
    ///
    /// ```swift
    /// let arguments = JSONValue(mcp: .object(params.arguments ?? [:]))
    /// ```
    public init(mcp value: MCP.Value) {
        switch value {
        case .null: self = .null
        case .bool(let bool): self = .bool(bool)
        case .int(let int): self = .int(Int64(int))
        case .double(let double): self = .double(double)
        case .string(let string): self = .string(string)
        case .data(let mimeType, let data):
            self = .string("data:\(mimeType ?? "application/octet-stream");base64,\(data.base64EncodedString())")
        case .array(let items): self = .array(items.map(JSONValue.init(mcp:)))
        case .object(let members): self = .object(members.mapValues(JSONValue.init(mcp:)))
        }
    }
}

extension MCP.Value {
    /// The MCP value of a ToolOps JSON value; an integer MCP's `Int` cannot hold becomes a double.
    ///
    /// ```swift
    /// let schema = Value(json: definition.inputSchema)
    /// ```
    public init(json value: JSONValue) {
        switch value {
        case .null: self = .null
        case .bool(let bool): self = .bool(bool)
        case .int(let int): self = Int(exactly: int).map(MCP.Value.int) ?? .double(Double(int))
        case .uint(let uint): self = Int(exactly: uint).map(MCP.Value.int) ?? .double(Double(uint))
        case .double(let double): self = .double(double)
        case .string(let string): self = .string(string)
        case .array(let items): self = .array(items.map(MCP.Value.init(json:)))
        case .object(let members): self = .object(members.mapValues(MCP.Value.init(json:)))
        }
    }
}
