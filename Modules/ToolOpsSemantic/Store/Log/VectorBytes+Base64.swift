import ToolOpsCore

extension VectorBytes {
    /// The vector's bytes in base64, as the file store's log writes them.
    static func base64(_ vector: [Float]) -> String { Base64.encode(bytes(vector)) }

    /// The vector of base64 text; `nil` when it is not valid.
    static func vector(base64 text: String) -> [Float]? { Base64.decode(text).flatMap(vector) }
}
