import Testing

@testable import ToolOpsSemantic

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("Safetensors file")
struct SafetensorsFileTests {
    /// Writes a safetensors file of `header` (JSON text) and `data` to a new temporary path.
    private func makeFile(header: String, data: [UInt8], truncateTo length: Int? = nil) throws -> String {
        var template = Array("/tmp/toolops-safetensors-XXXXXX".utf8CString)
        let descriptor = mkstemp(&template)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let headerBytes = Array(header.utf8)
        var bytes = withUnsafeBytes(of: UInt64(headerBytes.count).littleEndian) { Array($0) }
        bytes += headerBytes + data
        if let length { bytes = Array(bytes.prefix(length)) }
        #expect(write(descriptor, bytes, bytes.count) == bytes.count)
        return String(cString: template)
    }

    private func floatBytes(_ values: [Float]) -> [UInt8] {
        values.flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian) { Array($0) } }
    }

    @Test("Float32 tensors are read in place with their shape")
    func readsFloat32() throws {
        let path = try makeFile(
            header: #"{"w":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]},"__metadata__":{"format":"pt"}}"#,
            data: floatBytes([1, 2, 3, 4, 5, 6]))
        defer { unlink(path) }
        let file = try SafetensorsFile(path: path)
        #expect(file.metadata == ["format": "pt"])
        #expect(try file.tensor("w").shape == [2, 3])
        let tensor = try file.floats("w", shape: [2, 3])
        #expect(tensor.isMapped)
        #expect(tensor.withUnsafeBufferPointer { Array($0) } == [1, 2, 3, 4, 5, 6])
    }

    @Test("Float16 and BFloat16 tensors are converted to Float32")
    func convertsHalfPrecision() throws {
        // F16: 1.0 = 0x3C00, -2.5 = 0xC100, 65504 = 0x7BFF; BF16: 1.0 = 0x3F80, -3.0 = 0xC040.
        let half: [UInt16] = [0x3C00, 0xC100, 0x7BFF]
        let brain: [UInt16] = [0x3F80, 0xC040]
        let data = (half + brain).flatMap { withUnsafeBytes(of: $0.littleEndian) { Array($0) } }
        let path = try makeFile(
            header: #"{"h":{"dtype":"F16","shape":[3],"data_offsets":[0,6]},"#
                + #""b":{"dtype":"BF16","shape":[2],"data_offsets":[6,10]}}"#,
            data: data)
        defer { unlink(path) }
        let file = try SafetensorsFile(path: path)
        let halves = try file.floats("h", shape: [3])
        #expect(!halves.isMapped)
        #expect(halves.withUnsafeBufferPointer { Array($0) } == [1, -2.5, 65504])
        #expect(try file.floats("b", shape: [2]).withUnsafeBufferPointer { Array($0) } == [1, -3])
    }

    @Test("a file shorter than its header is reported truncated, naming the file")
    func truncatedHeader() throws {
        let path = try makeFile(
            header: #"{"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#, data: floatBytes([1]), truncateTo: 20)
        defer { unlink(path) }
        let error = #expect(throws: SafetensorsError.self) { _ = try SafetensorsFile(path: path) }
        #expect(error?.code == .truncated)
        #expect(error?.path == path)
        #expect(error?.description.contains(path) == true)
    }

    @Test("a tensor reaching past the end of the data is out of range, naming the tensor")
    func truncatedData() throws {
        let path = try makeFile(
            header: #"{"w":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}"#, data: floatBytes([1, 2]))
        defer { unlink(path) }
        let error = #expect(throws: SafetensorsError.self) { _ = try SafetensorsFile(path: path) }
        #expect(error?.code == .offsetsOutOfRange)
        #expect(error?.tensor == "w")
    }

    @Test("a header that is not JSON, or disagrees with a shape, is a bad header")
    func badHeader() throws {
        let garbage = try makeFile(header: "{not json", data: [])
        defer { unlink(garbage) }
        let badHeaderError = #expect(throws: SafetensorsError.self) { _ = try SafetensorsFile(path: garbage) }
        #expect(badHeaderError?.code == .badHeader)

        let mismatch = try makeFile(
            header: #"{"w":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}"#, data: floatBytes([1, 2]))
        defer { unlink(mismatch) }
        let error = #expect(throws: SafetensorsError.self) { _ = try SafetensorsFile(path: mismatch) }
        #expect(error?.code == .badHeader)
        #expect(error?.tensor == "w")

        // A shape whose size overflows is refused, not trapped on.
        let overflowing = try makeFile(
            header: #"{"w":{"dtype":"F32","shape":[4611686018427387904,4],"data_offsets":[0,8]}}"#,
            data: floatBytes([1, 2]))
        defer { unlink(overflowing) }
        let overflowError = #expect(throws: SafetensorsError.self) { _ = try SafetensorsFile(path: overflowing) }
        #expect(overflowError?.code == .badHeader)

        let empty = try makeFile(header: "", data: [], truncateTo: nil)
        defer { unlink(empty) }
        // An 8-byte length of zero: an empty header is not JSON.
        let emptyHeaderError = #expect(throws: SafetensorsError.self) { _ = try SafetensorsFile(path: empty) }
        #expect(emptyHeaderError?.code == .badHeader)
    }

    @Test("asking for a missing tensor or another shape names the tensor")
    func missingAndWrongShape() throws {
        let path = try makeFile(
            header: #"{"w":{"dtype":"F32","shape":[2,2],"data_offsets":[0,16]}}"#, data: floatBytes([1, 2, 3, 4]))
        defer { unlink(path) }
        let file = try SafetensorsFile(path: path)
        let missing = #expect(throws: SafetensorsError.self) {
            _ = try file.floats("encoder.layer.0.attention.self.query.weight", shape: [2, 2])
        }
        #expect(missing?.code == .missingTensor)
        #expect(missing?.tensor == "encoder.layer.0.attention.self.query.weight")
        #expect(missing?.description.contains(path) == true)
        let wrong = #expect(throws: SafetensorsError.self) { _ = try file.floats("w", shape: [4]) }
        #expect(wrong?.code == .wrongShape)
        #expect(wrong?.description.contains("[2, 2]") == true)
    }

    @Test("a missing file is unreadable")
    func missingFile() {
        let unreadableError = #expect(throws: SafetensorsError.self) {
            _ = try SafetensorsFile(path: "/nonexistent/model.safetensors")
        }
        #expect(unreadableError?.code == .unreadable)
    }

    @Test("a model file without an encoder tensor fails to load, naming the tensor")
    func modelNeedsItsTensors() throws {
        let path = try makeFile(
            header: #"{"embeddings.word_embeddings.weight":{"dtype":"F32","shape":[2,2],"data_offsets":[0,16]}}"#,
            data: floatBytes([1, 2, 3, 4]))
        defer { unlink(path) }
        let error = #expect(throws: SafetensorsError.self) { _ = try MiniLMModel(safetensorsPath: path) }
        #expect(error?.code == .missingTensor)
        #expect(error?.tensor == "embeddings.position_embeddings.weight")
    }
}
