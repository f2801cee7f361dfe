/// Why a safetensors file could not be read, or does not hold the tensor asked for.
///
/// The message names the file, the tensor where there is one, and what to do about it.
///
/// ```swift
/// do {
///     _ = try SafetensorsFile(path: "/models/minilm/model.safetensors")
/// } catch where error.code == .truncated {
///     print(error)  // safetensors '/models/minilm/model.safetensors': truncated: … download it again
/// }
/// ```
public struct SafetensorsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        fileprivate let name: String

        /// The file cannot be opened, read or mapped.
        public static let unreadable = Code(name: "unreadable")
        /// The file is shorter than its header says.
        public static let truncated = Code(name: "truncated")
        /// The JSON header is missing, malformed, or describes a tensor inconsistently.
        public static let badHeader = Code(name: "bad header")
        /// A tensor's data offsets fall outside the data section.
        public static let offsetsOutOfRange = Code(name: "offsets out of range")
        /// No tensor of that name is in the file.
        public static let missingTensor = Code(name: "missing tensor")
        /// The tensor's shape is not the one the model needs.
        public static let wrongShape = Code(name: "wrong shape")
        /// The tensor's element type cannot be read as floating point.
        public static let unsupportedDType = Code(name: "unsupported dtype")

        public var description: String { name }
    }

    /// The kind of failure.
    public let code: Code
    /// The safetensors file's path.
    public let path: String
    /// The tensor concerned, when the failure is about one.
    public let tensor: String?
    /// What went wrong and what to do.
    public let message: String

    /// An error of `code` about `tensor` (if any) in the file at `path`.
    public init(_ code: Code, path: String, tensor: String? = nil, _ message: String) {
        self.code = code
        self.path = path
        self.tensor = tensor
        self.message = message
    }

    public var description: String {
        let subject = tensor.map { ", tensor '\($0)'" } ?? ""
        return "safetensors '\(path)'\(subject): \(code): \(message)"
    }
}
