import ToolOpsCore

/// The JSON header of a mapped safetensors file, checked against the file's size.
struct SafetensorsHeader {
    /// Larger headers are refused before parsing (the reference implementation's limit).
    static let maximumLength = 100_000_000

    var tensors: [String: SafetensorsTensor] = [:]
    var metadata: [String: String] = [:]

    init(memory: TensorMemory, path: String) throws(SafetensorsError) {
        let declared = UInt64(littleEndian: memory.base.loadUnaligned(as: UInt64.self))
        guard declared <= UInt64(Self.maximumLength) else {
            throw SafetensorsError(
                .badHeader, path: path, "header length \(declared) is implausible; is this a safetensors file?")
        }
        let length = Int(declared)
        guard 8 + length <= memory.count else {
            throw SafetensorsError(
                .truncated, path: path,
                "\(memory.count) bytes, but the header alone needs \(8 + length); download it again")
        }
        let bytes = Array(UnsafeRawBufferPointer(start: memory.base + 8, count: length))
        let json: JSONValue
        do {
            json = try JSONValue(parsing: bytes)
        } catch {
            throw SafetensorsError(
                .badHeader, path: path, "the header is not JSON (\(error)); is this a safetensors file?")
        }
        guard let members = json.objectValue else {
            throw SafetensorsError(.badHeader, path: path, "the header is \(json.typeName), expected an object")
        }
        let dataStart = 8 + length
        let dataCount = memory.count - dataStart
        for (name, entry) in members {
            if name == "__metadata__" {
                for (key, value) in entry.objectValue ?? [:] { metadata[key] = value.stringValue }
                continue
            }
            tensors[name] = try Self.tensor(name, entry, dataStart: dataStart, dataCount: dataCount, path: path)
        }
    }

    private static func tensor(
        _ name: String, _ entry: JSONValue, dataStart: Int, dataCount: Int, path: String
    ) throws(SafetensorsError) -> SafetensorsTensor {
        func bad(_ message: String) -> SafetensorsError {
            SafetensorsError(.badHeader, path: path, tensor: name, message)
        }
        guard let dtypeName = entry["dtype"]?.stringValue, let width = SafetensorsDType.known[dtypeName] else {
            throw bad("missing or unknown dtype \(entry["dtype"].map { "\($0)" } ?? "(none)")")
        }
        guard let shapeValues = entry["shape"]?.arrayValue, let shape = integers(shapeValues) else {
            throw bad("shape must be an array of non-negative integers")
        }
        guard let offsetValues = entry["data_offsets"]?.arrayValue, offsetValues.count == 2,
            let offsets = integers(offsetValues), offsets[0] <= offsets[1]
        else {
            throw bad("data_offsets must be two non-negative integers [begin, end], begin <= end")
        }
        guard offsets[1] <= dataCount else {
            throw SafetensorsError(
                .offsetsOutOfRange, path: path, tensor: name,
                "data_offsets \(offsets) reach past the \(dataCount) data bytes; the file is truncated or damaged")
        }
        // The shape's byte size, refusing overflow: a hostile header must not trap.
        var bytes: Int? = width
        for dimension in shape {
            guard let running = bytes else { break }
            let product = running.multipliedReportingOverflow(by: dimension)
            bytes = product.overflow ? nil : product.partialValue
        }
        guard let bytes, bytes == offsets[1] - offsets[0] else {
            throw bad(
                "data_offsets \(offsets) hold \(offsets[1] - offsets[0]) bytes; "
                    + "shape \(shape) of \(dtypeName) needs another size")
        }
        return SafetensorsTensor(
            name: name, dtype: SafetensorsDType(name: dtypeName, byteWidth: width), shape: shape,
            byteRange: (dataStart + offsets[0])..<(dataStart + offsets[1]))
    }

    private static func integers(_ values: [JSONValue]) -> [Int]? {
        var result: [Int] = []
        for value in values {
            guard case .int(let integer) = value, integer >= 0, let exact = Int(exactly: integer) else { return nil }
            result.append(exact)
        }
        return result
    }
}
