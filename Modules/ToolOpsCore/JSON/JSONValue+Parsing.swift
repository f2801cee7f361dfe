import Foundation

extension JSONValue {
    /// Parses JSON text.
    ///
    /// - Throws: ``JSONParseError`` describing what is wrong with the text.
    public init(parsing text: String) throws {
        try self.init(parsing: Array(text.utf8))
    }

    /// Parses JSON from UTF-8 bytes.
    ///
    /// - Throws: ``JSONParseError`` describing what is wrong with the bytes.
    public init(parsing bytes: [UInt8]) throws {
        do {
            self = try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw JSONParseError(reason: error.parseReason)
        }
    }
}

/// JSON text that could not be parsed.
public struct JSONParseError: Error, Sendable, CustomStringConvertible {
    /// What is wrong with the text.
    public let reason: String

    public var description: String { "invalid JSON: \(reason)" }
}

extension DecodingError {
    fileprivate var parseReason: String {
        switch self {
        case .dataCorrupted(let context):
            if let underlying = context.underlyingError as? NSError,
                let detail = underlying.userInfo[NSDebugDescriptionErrorKey] as? String
            {
                return detail
            }
            return context.debugDescription
        default:
            return String(describing: self)
        }
    }
}
