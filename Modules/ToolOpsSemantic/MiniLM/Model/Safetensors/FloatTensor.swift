/// A tensor's values as `Float`, row-major, kept alive with the memory they live in.
///
/// Float32 tensors point straight into the mapped file (no copy); Float16 and BFloat16 tensors own
/// a converted copy.
public struct FloatTensor: Sendable {
    /// The dimensions, outermost first.
    public let shape: [Int]
    /// Whether the values point into the mapped file rather than a converted copy.
    public let isMapped: Bool
    let memory: TensorMemory
    let byteOffset: Int

    /// The number of values.
    public var count: Int { shape.reduce(1, *) }

    /// The first value; valid while this tensor (or a copy of it) is alive.
    var pointer: UnsafePointer<Float> {
        (memory.base + byteOffset).assumingMemoryBound(to: Float.self)
    }

    /// Calls `body` with the values.
    public func withUnsafeBufferPointer<R, E: Error>(
        _ body: (UnsafeBufferPointer<Float>) throws(E) -> R
    ) throws(E) -> R {
        try withExtendedLifetime(memory) { () throws(E) -> R in
            try body(UnsafeBufferPointer(start: pointer, count: count))
        }
    }
}
