import Foundation
import ToolOpsCore

/// Golden JSON files, bundled from `Golden/` as test resources.
///
/// Set `TOOLOPS_UPDATE_GOLDEN=1` to rewrite a golden file from the current output (in the source
/// tree, next to this file), then review the diff before committing it.
enum Golden {
    /// The JSON in `Golden/<name>` (`name` may include a subfolder such as `reference/`).
    static func load(_ name: String) throws -> JSONValue {
        guard let folder = Bundle.module.url(forResource: "Golden", withExtension: nil) else {
            throw GoldenError(message: "the Golden resource folder is missing from the test bundle")
        }
        let data = try Data(contentsOf: folder.appendingPathComponent(name))
        return try JSONValue(parsing: [UInt8](data))
    }

    /// Whether golden files should be rewritten rather than compared.
    static var updating: Bool { ProcessInfo.processInfo.environment["TOOLOPS_UPDATE_GOLDEN"] == "1" }

    /// Writes `value` to `Golden/<name>` in the source tree (canonical JSON; pretty-print before committing).
    static func write(_ value: JSONValue, to name: String, sourceFile: String = #filePath) throws {
        let folder = URL(fileURLWithPath: sourceFile).deletingLastPathComponent().appendingPathComponent("Golden")
        try Data(value.canonicalBytes()).write(to: folder.appendingPathComponent(name))
    }

    struct GoldenError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}

/// Structural comparison of two JSON documents, field by field, for the reference-shape tests.
enum ShapeDiff {
    /// Every place where `ours` and `reference` differ, as `"<JSON Pointer>: <what>"`, sorted.
    ///
    /// Object key order never matters (JSON objects are unordered); `required` arrays are compared as
    /// sets, since our schemas are dictionaries and cannot keep declaration order. For keys in
    /// `presenceOnly`, only whether the key is there is compared, not its value.
    static func differences(
        _ ours: JSONValue, _ reference: JSONValue, presenceOnly: Set<String> = [], at path: String = ""
    ) -> [String] {
        switch (ours, reference) {
        case (.object(let left), .object(let right)):
            var found: [String] = []
            for key in Set(left.keys).union(right.keys).sorted() {
                let child = "\(path)/\(key)"
                switch (left[key], right[key]) {
                case (nil, _?): found.append("\(child): missing from ours")
                case (_?, nil): found.append("\(child): only in ours")
                case (let l?, let r?) where presenceOnly.contains(key): _ = (l, r)
                case (let l?, let r?) where key == "required":
                    if Set(l.arrayValue ?? []) != Set(r.arrayValue ?? []) { found.append("\(child): \(l) != \(r)") }
                case (let l?, let r?): found += differences(l, r, presenceOnly: presenceOnly, at: child)
                case (nil, nil): break
                }
            }
            return found
        case (.array(let left), .array(let right)) where left.count == right.count:
            return zip(left, right).enumerated().flatMap { index, pair in
                differences(pair.0, pair.1, presenceOnly: presenceOnly, at: "\(path)/\(index)")
            }
        default:
            return ours == reference ? [] : ["\(path): \(ours) != \(reference)"]
        }
    }

    /// A pydantic/FastMCP schema as a schema generator that inlines would write it: each `$ref` to
    /// `#/$defs/…` replaced by the definition (the `$ref`'s siblings win), `$defs` and `title`s removed.
    static func inliningReferences(_ schema: JSONValue, definitions: [String: JSONValue]? = nil) -> JSONValue {
        switch schema {
        case .object(var node):
            let definitions = node["$defs"]?.objectValue ?? definitions ?? [:]
            node["$defs"] = nil
            node["title"] = nil
            if let reference = node.removeValue(forKey: "$ref")?.stringValue,
                let target = definitions[String(reference.split(separator: "/").last ?? "")]?.objectValue
            {
                node = target.merging(node) { _, sibling in sibling }
                node["title"] = nil
            }
            return .object(node.mapValues { inliningReferences($0, definitions: definitions) })
        case .array(let elements):
            return .array(elements.map { inliningReferences($0, definitions: definitions) })
        default:
            return schema
        }
    }
}
