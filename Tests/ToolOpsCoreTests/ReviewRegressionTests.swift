import Foundation
import Testing
import ToolOpsCore
import ToolOpsTesting

@Suite("Encoding edge cases that would break keys")
struct EncodingEdgeCaseTests {
    class Animal: Codable {
        var name: String
        init(name: String) { self.name = name }
    }

    final class Dog: Animal, @unchecked Sendable {
        var breed: String
        init(name: String, breed: String) {
            self.breed = breed
            super.init(name: name)
        }
        enum CodingKeys: String, CodingKey { case breed }
        required init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            breed = try container.decode(String.self, forKey: .breed)
            try super.init(from: container.superDecoder())
        }
        override func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(breed, forKey: .breed)
            try super.encode(to: container.superEncoder())
        }
    }

    @Test("a subclass encoding through superEncoder() round-trips instead of crashing")
    func superEncoder() throws {
        let json = try JSONValueEncoder().encode(Dog(name: "Rex", breed: "collie"))
        #expect(json == ["breed": "collie", "super": ["name": "Rex"]])
        let dog = try JSONValueDecoder().decode(Dog.self, from: json)
        #expect(dog.name == "Rex" && dog.breed == "collie")
    }

    @Test("integers above Int64.max stay exact: distinct keys, exact round trip")
    func bigUnsignedIntegers() throws {
        let tool = ToolID(name: "ids")
        let a = CallKey(tool: tool, canonicalArguments: try JSONValueEncoder().encode(["id": UInt64.max]))
        let b = CallKey(tool: tool, canonicalArguments: try JSONValueEncoder().encode(["id": UInt64.max - 1]))
        #expect(a != b)
        let json = try JSONValueEncoder().encode(UInt64.max)
        #expect(json.description == "18446744073709551615")
        #expect(try JSONValueDecoder().decode(UInt64.self, from: JSONValue(parsing: json.description)) == .max)
    }

    @Test("equal sets and dictionaries with non-string keys encode identically, whatever their hash order")
    func unorderedCollections() throws {
        var small = Set<Int>()
        for value in 1...60 { small.insert(value) }
        var large = Set<Int>(minimumCapacity: 4096)
        for value in (1...60).reversed() { large.insert(value) }
        #expect(Array(small) != Array(large), "the two sets must iterate differently for this test to mean anything")
        #expect(try JSONValueEncoder().encode(small) == JSONValueEncoder().encode(large))
        #expect(try JSONValueDecoder().decode(Set<Int>.self, from: JSONValueEncoder().encode(small)) == small)

        let ids = (0..<40).map { _ in UUID() }
        var first: [UUID: Int] = [:]
        for (index, id) in ids.enumerated() { first[id] = index }
        var second = [UUID: Int](minimumCapacity: 4096)
        for (index, id) in ids.enumerated().reversed() { second[id] = index }
        let encoded = try JSONValueEncoder().encode(first)
        #expect(encoded == (try JSONValueEncoder().encode(second)))
        #expect(try JSONValueDecoder().decode([UUID: Int].self, from: encoded) == first)
    }
}

@Suite("Error classification")
struct ClassificationTests {
    @Test("a body that cannot parse its upstream's JSON is an upstream failure, not a caller error")
    func bodyParseErrorIsUpstream() async throws {
        let tool = try makeTool("parser") { (_: WeatherQuery) -> String in
            _ = try JSONValue(parsing: "<html>502 Bad Gateway</html>")
            return "unreachable"
        }
        let error = await #expect(throws: ToolError.self) { try await tool(WeatherQuery(city: "x")) }
        #expect(error?.code == .upstream)
        #expect(error?.isRetryable == true)
        #expect(error?.isCallerError == false)
    }

    @Test("an invalid value anywhere inside a sensitive field is masked")
    func nestedSensitiveValuesMasked() async throws {
        struct Login: Codable, Sendable { var access_token: [Int] }
        let tool = try makeTool("login") { (_: Login) in "ok" }
        let error = await #expect(throws: ToolError.self) {
            try await tool.call(json: #"{"access_token":[98765.4321]}"#)
        }
        #expect(error?.field == "access_token[0]")
        #expect(error?.description.contains("98765") == false)
        #expect(error?.message == "invalid value (masked)")
    }
}
