#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Read-only bytes tensors point into: a file mapped with `mmap`, or a buffer of converted values.
///
/// A tiny box owning a C resource (the mapping or the allocation), released on `deinit`; the
/// bytes never change after creation, so sharing it across threads is safe.
final class TensorMemory: @unchecked Sendable {
    /// The first byte.
    let base: UnsafeRawPointer
    /// How many bytes.
    let count: Int
    private let isMapped: Bool

    /// Maps `count` bytes of the open file `descriptor`, read-only.
    init?(mapping descriptor: Int32, count: Int) {
        let address = mmap(nil, count, PROT_READ, MAP_PRIVATE, descriptor, 0)
        guard let address, address != MAP_FAILED else { return nil }
        base = UnsafeRawPointer(address)
        self.count = count
        isMapped = true
    }

    /// Takes ownership of `floats` (allocated with `UnsafeMutableBufferPointer.allocate`).
    init(adopting floats: UnsafeMutableBufferPointer<Float>) {
        base = UnsafeRawPointer(floats.baseAddress!)
        count = floats.count * MemoryLayout<Float>.stride
        isMapped = false
    }

    deinit {
        if isMapped {
            munmap(UnsafeMutableRawPointer(mutating: base), count)
        } else {
            base.deallocate()
        }
    }
}
