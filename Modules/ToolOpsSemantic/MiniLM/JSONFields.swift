import Foundation

/// The top-level keys of a small JSON configuration file, read with errors that name the file and key.
struct JSONFields {
    private let object: [String: JSONScalar]
    private let path: String

    /// The object in `data`; not JSON, or not an object, is an invalid configuration.
    init(_ data: Data, path: String) throws(MiniLMError) {
        self.path = path
        do {
            object = try JSONDecoder().decode([String: JSONScalar].self, from: data)
        } catch {
            let isJSON = (try? JSONDecoder().decode(JSONScalar.self, from: data)) != nil
            throw MiniLMError(.invalidConfiguration, path: path, isJSON ? "not a JSON object" : "not valid JSON")
        }
    }

    /// Whether `key` is present (even as `null`).
    func has(_ key: String) -> Bool { object[key] != nil }

    /// An invalid-configuration error about this file.
    func error(_ message: String) -> MiniLMError {
        MiniLMError(.invalidConfiguration, path: path, message)
    }

    /// The whole number at `key`, which must be present and above zero.
    func positiveInteger(_ key: String) throws(MiniLMError) -> Int {
        guard let value = object[key] else { throw error("'\(key)' is missing; is this a BERT config.json?") }
        guard case .number(let number) = value, number == number.rounded(), number > 0, number < Double(Int32.max)
        else { throw error("'\(key)' must be a whole number above zero, not \(value)") }
        return Int(number)
    }

    /// The number at `key`, which must be present and above zero.
    func positiveNumber(_ key: String) throws(MiniLMError) -> Double {
        guard let value = object[key] else { throw error("'\(key)' is missing; is this a BERT config.json?") }
        guard case .number(let number) = value, number > 0, number.isFinite else {
            throw error("'\(key)' must be a number above zero, not \(value)")
        }
        return number
    }

    /// The non-empty string at `key`, which must be present.
    func string(_ key: String) throws(MiniLMError) -> String {
        guard let value = try optionalString(key) else {
            throw error("'\(key)' is missing; is this a BERT config.json?")
        }
        return value
    }

    /// The non-empty string at `key`, or `nil` when the key is absent.
    func optionalString(_ key: String) throws(MiniLMError) -> String? {
        guard let value = object[key] else { return nil }
        guard case .string(let string) = value, !string.isEmpty else {
            throw error("'\(key)' must be a non-empty string, not \(value)")
        }
        return string
    }
}

/// One JSON value, as much of it as a configuration check needs.
enum JSONScalar: Decodable, CustomStringConvertible {
    case bool(Bool)
    case number(Double)
    case string(String)
    case null
    case other

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else {
            self = .other
        }
    }

    /// The value as it reads in JSON (an array or object as `a JSON array or object`).
    var description: String {
        switch self {
        case .bool(let value): "\(value)"
        case .number(let value): value == value.rounded() && abs(value) < 1e15 ? "\(Int(value))" : "\(value)"
        case .string(let value): "\"\(value)\""
        case .null: "null"
        case .other: "a JSON array or object"
        }
    }
}
