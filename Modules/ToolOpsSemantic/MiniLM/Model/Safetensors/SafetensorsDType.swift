/// The element type of a tensor in a safetensors file, as its header spells it (`"F32"`, `"BF16"`, …).
public struct SafetensorsDType: Sendable, Hashable, CustomStringConvertible {
    /// The header's spelling.
    public let name: String
    /// Bytes per element.
    public let byteWidth: Int

    public static let float32 = SafetensorsDType(name: "F32", byteWidth: 4)
    public static let float16 = SafetensorsDType(name: "F16", byteWidth: 2)
    public static let bfloat16 = SafetensorsDType(name: "BF16", byteWidth: 2)

    /// Every type the format defines, with its width; only the three above convert to `Float`.
    static let known: [String: Int] = [
        "BOOL": 1, "U8": 1, "I8": 1, "F8_E4M3": 1, "F8_E5M2": 1,
        "I16": 2, "U16": 2, "F16": 2, "BF16": 2,
        "I32": 4, "U32": 4, "F32": 4,
        "I64": 8, "U64": 8, "F64": 8,
    ]

    /// Whether ``SafetensorsFile/floats(_:shape:)`` can read this type.
    public var isFloatingPoint: Bool { self == .float32 || self == .float16 || self == .bfloat16 }

    public var description: String { name }
}
