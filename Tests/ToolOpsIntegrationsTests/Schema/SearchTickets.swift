import ToolOpsCore
import ToolOpsIntegrations

/// The Swift twin of `search_tickets` in the interop reference (make_reference.py).
struct SearchTickets: Codable, Sendable, Equatable, SchemaDescribed {
    enum Sort: String, Codable, Sendable, CaseIterable { case asc, desc }
    enum Priority: String, Codable, Sendable, CaseIterable { case low, normal, high }

    @Field("Full-text search query (docstring).") var query: String = ""
    @Field("Minimum relevance score (docstring).") var minScore: Double = 0
    @Field("Required tags (docstring).") var tags: [String] = []
    @Field("Creation-date window (docstring).") var created = DateRange()
    @Field("Maximum number of results (docstring).") var limit: Int = 10
    @Field("Also return closed tickets (docstring).") var includeClosed: Bool = false
    @Field("Sort direction (docstring).") var sort: Sort = .desc
    @Field("Priority filter (docstring).") var priority: Priority = .normal
    @Field("Assignee login (docstring).") var assignee: String? = nil

    enum CodingKeys: String, CodingKey {
        case query, minScore = "min_score", tags, created, limit, includeClosed = "include_closed", sort, priority
        case assignee
    }

    static var schemaExample: SearchTickets? {
        SearchTickets()
    }
}

extension SearchTickets {
    // Defaults applied when a key is missing: what makes limit…priority optional in the schema.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        query = try container.decode(String.self, forKey: .query)
        minScore = try container.decode(Double.self, forKey: .minScore)
        tags = try container.decode([String].self, forKey: .tags)
        created = try container.decode(DateRange.self, forKey: .created)
        limit = try container.decodeIfPresent(Int.self, forKey: .limit) ?? 10
        includeClosed = try container.decodeIfPresent(Bool.self, forKey: .includeClosed) ?? false
        sort = try container.decodeIfPresent(Sort.self, forKey: .sort) ?? .desc
        priority = try container.decodeIfPresent(Priority.self, forKey: .priority) ?? .normal
        assignee = try container.decodeIfPresent(String.self, forKey: .assignee)
    }
}

/// Annotated with @Field but without an example of its own: the parent's example supplies them.
struct DateRange: Codable, Sendable, Equatable {
    @Field("Start date, YYYY-MM-DD") var start: String = ""
    @Field("End date, YYYY-MM-DD; open-ended if omitted") var end: String? = nil
}

/// `function.parameters` of reference-output/langchain_openai_tool.json (LangChain 1.x), verbatim.
let referenceSearchTicketsParameters = """
    {
      "properties": {
        "query": {
          "description": "Full-text search query (docstring).",
          "type": "string"
        },
        "min_score": {
          "description": "Minimum relevance score (docstring).",
          "type": "number"
        },
        "tags": {
          "description": "Required tags (docstring).",
          "items": {
            "type": "string"
          },
          "type": "array"
        },
        "created": {
          "description": "Creation-date window (docstring).",
          "properties": {
            "start": {
              "description": "Start date, YYYY-MM-DD",
              "type": "string"
            },
            "end": {
              "anyOf": [
                {
                  "type": "string"
                },
                {
                  "type": "null"
                }
              ],
              "default": null,
              "description": "End date, YYYY-MM-DD; open-ended if omitted"
            }
          },
          "required": [
            "start"
          ],
          "type": "object"
        },
        "limit": {
          "default": 10,
          "description": "Maximum number of results (docstring).",
          "type": "integer"
        },
        "include_closed": {
          "default": false,
          "description": "Also return closed tickets (docstring).",
          "type": "boolean"
        },
        "sort": {
          "default": "desc",
          "description": "Sort direction (docstring).",
          "enum": [
            "asc",
            "desc"
          ],
          "type": "string"
        },
        "priority": {
          "description": "Priority filter (docstring).",
          "enum": [
            "low",
            "normal",
            "high"
          ],
          "type": "string",
          "default": "normal"
        },
        "assignee": {
          "anyOf": [
            {
              "type": "string"
            },
            {
              "type": "null"
            }
          ],
          "default": null,
          "description": "Assignee login (docstring)."
        }
      },
      "required": [
        "query",
        "min_score",
        "tags",
        "created"
      ],
      "type": "object"
    }
    """
