/// Why a vector index refused a vector, a query or a setting.
///
/// The message says what was wrong and what to do; the dimension fields carry the numbers for
/// callers that react to a mismatch (for example, an embedder that changed model).
public struct VectorIndexError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: String, Sendable, Hashable {
        /// The vector's length is not the index's ``VectorIndex/dimensions``.
        case dimensionMismatch
        /// The vector has no direction (all zeros, or too small to normalise), so it has no cosine
        /// similarity to anything.
        case zeroVector
        /// The vector holds a NaN or an infinity.
        case nonFiniteValue
        /// A setting is out of range (dimensions below 1, HNSW `m` below 2, …).
        case invalidConfiguration
    }

    /// The kind of failure.
    public var code: Code
    /// What went wrong, for people.
    public var message: String
    /// The index's dimensions, for ``Code/dimensionMismatch``.
    public var expectedDimensions: Int?
    /// The length of the vector given, for ``Code/dimensionMismatch``.
    public var givenDimensions: Int?

    /// An error of kind `code`.
    public init(code: Code, message: String, expectedDimensions: Int? = nil, givenDimensions: Int? = nil) {
        self.code = code
        self.message = message
        self.expectedDimensions = expectedDimensions
        self.givenDimensions = givenDimensions
    }

    public var description: String { "vector index: \(code.rawValue): \(message)" }

    static func dimensionMismatch(expected: Int, given: Int, role: String) -> VectorIndexError {
        VectorIndexError(
            code: .dimensionMismatch,
            message: "\(role) has \(given) dimensions but the index holds \(expected)-dimension vectors; "
                + "embed with the model the index was created for, or create a new index",
            expectedDimensions: expected, givenDimensions: given)
    }

    static func invalid(_ message: String) -> VectorIndexError {
        VectorIndexError(code: .invalidConfiguration, message: message)
    }
}
