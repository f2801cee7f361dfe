import Foundation
import Testing

/// A command's `--json` output, parsed, to read fields by path in tests.
struct JSONObject {
    let value: Any

    init(_ text: String) throws {
        value = try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    private init(value: Any) {
        self.value = value
    }

    subscript(key: String) -> JSONObject? {
        (value as? [String: Any])?[key].map { JSONObject(value: $0) }
    }

    subscript(index: Int) -> JSONObject? {
        guard let array = value as? [Any], array.indices.contains(index) else { return nil }
        return JSONObject(value: array[index])
    }

    var array: [JSONObject] { (value as? [Any])?.map { JSONObject(value: $0) } ?? [] }
    var int: Int? { (value as? NSNumber)?.intValue }
    var double: Double? { (value as? NSNumber)?.doubleValue }
    var string: String? { value as? String }
    var bool: Bool? { (value as? NSNumber)?.boolValue }
    var isNull: Bool { value is NSNull }

    /// The element of an array of objects whose `key` is `value`.
    func element(where key: String, is expected: String) -> JSONObject? {
        array.first { $0[key]?.string == expected }
    }
}
