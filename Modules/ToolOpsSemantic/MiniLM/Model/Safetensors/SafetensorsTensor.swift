/// One tensor's entry in a safetensors header: its type, shape, and where its bytes are.
public struct SafetensorsTensor: Sendable, Hashable {
    /// The tensor's name, e.g. `encoder.layer.0.attention.self.query.weight`.
    public let name: String
    /// The element type.
    public let dtype: SafetensorsDType
    /// The dimensions, outermost first (row-major).
    public let shape: [Int]
    /// The bytes, as offsets from the start of the file.
    public let byteRange: Range<Int>

    /// The number of elements: the product of ``shape``.
    public var elementCount: Int { shape.reduce(1, *) }
}
