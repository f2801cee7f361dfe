import Testing
import ToolOpsCore
import ToolOpsIntegrations

/// Decodes through a nested container, a manual unkeyed loop and a `contains` check.
struct Placed: Decodable {
    var latitude: Double
    var longitude: Double
    var tags: Set<String>
    var note: String

    private enum CodingKeys: String, CodingKey { case position, tags, note }
    private enum PositionKeys: String, CodingKey { case lat, lon }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let position = try container.nestedContainer(keyedBy: PositionKeys.self, forKey: .position)
        latitude = try position.decode(Double.self, forKey: .lat)
        longitude = try position.decode(Double.self, forKey: .lon)
        tags = try container.decode(Set<String>.self, forKey: .tags)
        note = container.contains(.note) ? try container.decode(String.self, forKey: .note) : ""
    }
}

@Suite("Hand-written init(from:)")
struct CustomDecodingTests {
    @Test("nested containers, unkeyed loops and contains checks are followed")
    func customInit() throws {
        let schema = try JSONSchema.for(Placed.self)
        let expected: JSONValue = [
            "type": "object",
            "properties": [
                "position": [
                    "type": "object",
                    "properties": ["lat": ["type": "number"], "lon": ["type": "number"]],
                    "required": ["lat", "lon"],
                ],
                "tags": ["type": "array", "items": ["type": "string"]],
                "note": ["anyOf": [["type": "string"], ["type": "null"]], "default": nil],
            ],
            "required": ["position", "tags"],
        ]
        #expect(schema == expected)
    }
}
