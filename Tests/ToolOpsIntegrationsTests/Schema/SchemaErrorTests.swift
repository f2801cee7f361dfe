import Testing
import ToolOpsCore
import ToolOpsIntegrations

struct IntKeyed: Codable {
    var counts: [Int: String]
}

enum Mode: String, Codable { case fast, slow }

struct UsesMode: Codable {
    var mode: Mode
}

struct Validating: Codable {
    var name: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        guard !name.isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: .name, in: container, debugDescription: "empty name")
        }
    }
}

/// Swallows the failure of one field with `try?`; the schema would silently lack it.
struct Swallowing: Codable {
    var ok: String
    var broken: [Int: Int]?

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        ok = try container.decode(String.self, forKey: .ok)
        broken = try? container.decode([Int: Int].self, forKey: .broken)
    }
}

struct Outer: Codable {
    var inner: IntKeyed
}

@Suite("Unsupported shapes give typed errors")
struct SchemaErrorTests {
    @Test("a dictionary without String keys names the type and field path")
    func nonStringKeys() {
        let error = #expect(throws: SchemaError.self) { try JSONSchema.for(Outer.self) }
        #expect(error?.code == .unsupportedType)
        #expect(error?.path == "inner.counts")
        #expect(error?.typeName.hasSuffix("Outer") == true)
        #expect(error?.description.contains("String") == true)
    }

    @Test("a raw-value enum that is not CaseIterable asks for CaseIterable")
    func enumNotCaseIterable() {
        let error = #expect(throws: SchemaError.self) { try JSONSchema.for(UsesMode.self) }
        #expect(error?.code == .undecodable)
        #expect(error?.path == "mode")
        #expect(error?.message.contains("CaseIterable") == true)
    }

    @Test("an init(from:) that rejects placeholder values is reported")
    func validatingInit() {
        let error = #expect(throws: SchemaError.self) { try JSONSchema.for(Validating.self) }
        #expect(error?.code == .undecodable)
        #expect(error?.message.contains("placeholder") == true)
    }

    @Test("a failure swallowed with try? still fails the schema")
    func swallowedFailure() {
        let error = #expect(throws: SchemaError.self) { try JSONSchema.for(Swallowing.self) }
        #expect(error?.code == .unsupportedType)
        #expect(error?.path == "broken")
    }

    @Test("direct recursion with no empty placeholder is a recursiveType error")
    func directRecursion() {
        let error = #expect(throws: SchemaError.self) { try JSONSchema.for(Chain.self) }
        #expect(error?.code == .recursiveType)
        #expect(error?.path == "next")
    }
}
