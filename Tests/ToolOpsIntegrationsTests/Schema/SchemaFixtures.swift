import Foundation
import ToolOpsCore
import ToolOpsIntegrations

struct Scalars: Codable {
    var text: String
    var count: Int
    var small: Int8
    var big: UInt64
    var ratio: Double
    var weight: Float
    var flag: Bool
    var when: Date
    var link: URL
    var id: UUID
    var anything: JSONValue
}

enum Color: String, Codable, CaseIterable { case red, green, blue }
enum Level: Int, Codable, CaseIterable { case low = 1, mid = 5, high = 9 }

struct Address: Codable {
    var street: String
    var zip: String?
}

struct Shapes: Codable {
    var home: Address
    var previous: [Address]
    var matrix: [[Int]]
    var color: Color
    var level: Level
    var palette: [Color]
    var scores: [String: Double]
    var labels: [String: Address]
    var nickname: String?
    var alias: Address?
}

/// Recursive through an Optional, an Array and a Dictionary.
final class TreeNode: Codable {
    let name: String
    let parent: TreeNode?
    let children: [TreeNode]
    let byName: [String: TreeNode]
}

/// Recursive with nothing that can be empty: no finite placeholder exists.
final class Chain: Codable {
    let next: Chain
}

struct Weather: Codable, Sendable, Equatable, SchemaDescribed {
    @Field("City name", minLength: 1, maxLength: 80, pattern: "^[A-Za-z ]+$") var city: String = ""
    @Field("Days ahead", minimum: 1, maximum: 14) var days: Int = 3
    @Field("Units", maxItems: 2) var units: [String] = ["metric"]
    @Field("Station, if any") var station: String? = nil

    static var schemaDescription: String? { "Weather forecast query." }
    static var schemaExample: Weather? { Weather() }

    init(city: String = "", days: Int = 3, units: [String] = ["metric"], station: String? = nil) {
        self.city = city
        self.days = days
        self.units = units
        self.station = station
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        city = try container.decode(String.self, forKey: .city)
        days = try container.decodeIfPresent(Int.self, forKey: .days) ?? 3
        units = try container.decodeIfPresent([String].self, forKey: .units) ?? ["metric"]
        station = try container.decodeIfPresent(String.self, forKey: .station)
    }

    private enum CodingKeys: String, CodingKey { case city, days, units, station }
}

/// The same fields as ``Weather`` without the wrapper, to compare encodings.
struct PlainWeather: Codable, Equatable {
    var city: String
    var days: Int
    var units: [String]
    var station: String?
}

/// Synthesized Codable with @Field on a required, a defaulted and an optional field.
struct Annotated: Codable, Equatable {
    @Field("Query", minLength: 1) var query: String = ""
    @Field("Limit") var limit: Int = 10
    @Field("Note") var note: String? = nil
}

struct PlainAnnotated: Codable, Equatable {
    var query: String
    var limit: Int
    var note: String?
}

/// A type you do not own, described from outside.
struct ForeignQuery: Codable {
    var term: String
    var page: Int
}

extension ForeignQuery: SchemaDescribed {
    static var schemaFields: [String: FieldMetadata] {
        ["term": "Search term", "page": FieldMetadata(description: "Page number", minimum: 1)]
    }
}

struct Report: Codable, Sendable {
    var project: String
    var open: Int
    var byPriority: [String: Int]
}
