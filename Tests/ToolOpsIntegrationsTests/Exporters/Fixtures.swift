import ToolOpsCore
import ToolOpsIntegrations

/// Tool definitions shared by the exporter tests.
enum Fixtures {
    /// The interop reference tool (`search_tickets` in ../shared/interop/make_reference.py), its input
    /// schema written by hand as the schema generator would produce it: the structure of the
    /// reference's `function.parameters` (nested object and enums inlined, no `title`s).
    static let searchTickets = ToolDefinition(
        descriptor: ToolDescriptor(name: "search_tickets", description: "Search the ticket tracker."),
        inputSchema: [
            "type": "object",
            "properties": [
                "query": ["type": "string", "description": "Full-text search query (docstring)."],
                "min_score": ["type": "number", "description": "Minimum relevance score (docstring)."],
                "tags": [
                    "type": "array", "items": ["type": "string"], "description": "Required tags (docstring).",
                ],
                "created": [
                    "type": "object",
                    "description": "Creation-date window (docstring).",
                    "properties": [
                        "start": ["type": "string", "description": "Start date, YYYY-MM-DD"],
                        "end": [
                            "anyOf": [["type": "string"], ["type": "null"]], "default": nil,
                            "description": "End date, YYYY-MM-DD; open-ended if omitted",
                        ],
                    ],
                    "required": ["start"],
                ],
                "limit": ["type": "integer", "default": 10, "description": "Maximum number of results (docstring)."],
                "include_closed": [
                    "type": "boolean", "default": false, "description": "Also return closed tickets (docstring).",
                ],
                "sort": [
                    "type": "string", "enum": ["asc", "desc"], "default": "desc",
                    "description": "Sort direction (docstring).",
                ],
                "priority": [
                    "type": "string", "enum": ["low", "normal", "high"], "default": "normal",
                    "description": "Priority filter (docstring).",
                ],
                "assignee": [
                    "anyOf": [["type": "string"], ["type": "null"]], "default": nil,
                    "description": "Assignee login (docstring).",
                ],
            ],
            "required": ["query", "min_score", "tags", "created"],
        ]
    )

    /// The reference's `ticket_stats` tool: one argument and an object result (an `outputSchema`).
    static let ticketStats = ToolDefinition(
        descriptor: ToolDescriptor(name: "ticket_stats", description: "Count tickets in a project."),
        inputSchema: [
            "type": "object",
            "properties": ["project": ["type": "string", "description": "Project key, e.g. WEB"]],
            "required": ["project"],
        ],
        outputSchema: [
            "type": "object",
            "description": "Structured result (gives the MCP tool an outputSchema + structuredContent).",
            "properties": [
                "project": ["type": "string"], "open": ["type": "integer"], "closed": ["type": "integer"],
                "by_priority": ["type": "object", "additionalProperties": ["type": "integer"]],
            ],
            "required": ["project", "open", "closed", "by_priority"],
        ]
    )

    /// A tool named `name` with one string argument.
    static func tool(named name: String, effect: ToolEffect = .readOnly) -> ToolDefinition {
        ToolDefinition(
            descriptor: ToolDescriptor(name: name, description: "A tool.", effect: effect),
            inputSchema: ["type": "object", "properties": ["text": ["type": "string"]], "required": ["text"]]
        )
    }

    /// A tool whose input nests objects three deep, with optional, defaulted, nullable and array members.
    static let nested = ToolDefinition(
        descriptor: ToolDescriptor(
            name: "create_order", description: "Places an order.", effect: .sideEffect(idempotent: false)),
        inputSchema: [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "type": "object",
            "properties": [
                "customer": [
                    "type": "object",
                    "properties": [
                        "id": ["type": "string", "format": "uuid"],
                        "email": ["type": "string", "format": "email"],
                        "address": [
                            "type": "object",
                            "properties": [
                                "street": ["type": "string"],
                                "city": ["type": "string"],
                                "zip": ["type": ["string", "null"]],
                            ],
                            "required": ["street"],
                        ],
                    ],
                    "required": ["id"],
                ],
                "lines": [
                    "type": "array",
                    "minItems": 1,
                    "items": [
                        "type": "object",
                        "properties": [
                            "sku": ["type": "string", "pattern": "^[A-Z]{3}-[0-9]+$"],
                            "quantity": ["type": "integer", "minimum": 1, "default": 1],
                            "note": ["type": "string", "format": "uri"],
                        ],
                        "required": ["sku"],
                        "additionalProperties": false,
                    ],
                ],
                "kind": ["oneOf": [["const": "standard"], ["const": "express"]]],
                "gift": ["type": "boolean"],
            ],
            "required": ["customer", "lines"],
        ]
    )
}
