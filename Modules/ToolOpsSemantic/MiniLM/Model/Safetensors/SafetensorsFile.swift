#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A safetensors file, memory-mapped read-only, with its tensors by name.
///
/// The format is an 8-byte little-endian header length, a JSON header mapping each tensor name to
/// its `dtype`, `shape` and `data_offsets` (relative to the end of the header), then the data.
/// Opening maps the file and checks the header against the file's size; no tensor data is read
/// until asked for, and Float32 tensors are then used in place.
///
/// ```swift
/// let file = try SafetensorsFile(path: "model.safetensors")
/// let weight = try file.floats("encoder.layer.0.attention.self.query.weight", shape: [384, 384])
/// ```
public struct SafetensorsFile: Sendable {
    /// The file's path, as given.
    public let path: String
    /// Every tensor in the header, by name.
    public let tensors: [String: SafetensorsTensor]
    /// The header's `__metadata__` strings, if any.
    public let metadata: [String: String]
    let memory: TensorMemory

    /// Maps the file at `path` and reads its header.
    ///
    /// - Throws: ``SafetensorsError`` when the file cannot be read, is truncated, or its header is
    ///   malformed or points outside the file.
    public init(path: String) throws(SafetensorsError) {
        self.path = path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw SafetensorsError(.unreadable, path: path, "cannot open: \(Self.errnoText()); check the path")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw SafetensorsError(.unreadable, path: path, "not a regular file")
        }
        let size = Int(info.st_size)
        guard size >= 8 else {
            throw SafetensorsError(
                .truncated, path: path, "\(size) bytes, shorter than the 8-byte header length; download it again")
        }
        guard let memory = TensorMemory(mapping: descriptor, count: size) else {
            throw SafetensorsError(.unreadable, path: path, "cannot map: \(Self.errnoText())")
        }
        self.memory = memory
        let header = try SafetensorsHeader(memory: memory, path: path)
        tensors = header.tensors
        metadata = header.metadata
    }

    /// The header entry of the tensor called `name`.
    ///
    /// - Throws: ``SafetensorsError/Code/missingTensor`` when there is none.
    public func tensor(_ name: String) throws(SafetensorsError) -> SafetensorsTensor {
        guard let tensor = tensors[name] else {
            throw SafetensorsError(
                .missingTensor, path: path, tensor: name,
                "not in the file (\(tensors.count) tensors); is this the right model?")
        }
        return tensor
    }

    /// The values of the tensor called `name`, which must have `shape`.
    ///
    /// Float32 values are used in place when aligned; Float16 and BFloat16 are converted to a new buffer.
    ///
    /// - Throws: ``SafetensorsError`` when the tensor is missing, has another shape, or is not floating point.
    public func floats(_ name: String, shape: [Int]) throws(SafetensorsError) -> FloatTensor {
        let tensor = try tensor(name)
        guard tensor.shape == shape else {
            throw SafetensorsError(
                .wrongShape, path: path, tensor: name,
                "shape \(tensor.shape), expected \(shape); the file is for another model configuration")
        }
        let source = memory.base + tensor.byteRange.lowerBound
        switch tensor.dtype {
        case .float32 where Int(bitPattern: source) % MemoryLayout<Float>.alignment == 0:
            return FloatTensor(shape: shape, isMapped: true, memory: memory, byteOffset: tensor.byteRange.lowerBound)
        case .float32, .float16, .bfloat16:
            let converted = UnsafeMutableBufferPointer<Float>.allocate(capacity: tensor.elementCount)
            Self.convert(source, dtype: tensor.dtype, into: converted)
            return FloatTensor(shape: shape, isMapped: false, memory: TensorMemory(adopting: converted), byteOffset: 0)
        default:
            throw SafetensorsError(
                .unsupportedDType, path: path, tensor: name,
                "dtype \(tensor.dtype); only F32, F16 and BF16 tensors can be read as floats")
        }
    }

    static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}
