import ToolOpsCore

/// The metadata at the front of an entry file: whose entry it is, how fresh, and how to check it.
struct FileEntryHeader: Equatable {
    /// The digest of the key the entry was stored under.
    var keyDigest: String
    var tool: ToolID
    var tags: [String]
    var storedAt: Timestamp
    var freshUntil: Timestamp
    var staleUntil: Timestamp
    var payloadLength: Int
    /// The SHA-256 of the payload, 64 lowercase hex characters.
    var payloadChecksum: String

    /// The fields in order: length-prefixed strings, little-endian integers.
    func encoded() -> [UInt8] {
        var writer = ByteWriter()
        writer.append(keyDigest)
        writer.append(tool.name)
        writer.append(tool.version)
        writer.append(UInt32(tags.count))
        for tag in tags { writer.append(tag) }
        writer.append(UInt64(bitPattern: storedAt.nanosecondsSinceEpoch))
        writer.append(UInt64(bitPattern: freshUntil.nanosecondsSinceEpoch))
        writer.append(UInt64(bitPattern: staleUntil.nanosecondsSinceEpoch))
        writer.append(UInt64(payloadLength))
        writer.append(payloadChecksum)
        return writer.bytes
    }

    /// Parses ``encoded()`` output; `nil` when a field is short, too long, or not UTF-8.
    init?(decoding bytes: ArraySlice<UInt8>) {
        var reader = ByteReader(bytes)
        guard let keyDigest = reader.string(),
            let name = reader.string(),
            let version = reader.string(),
            let tagCount = reader.integer(UInt32.self), tagCount <= 65_536
        else { return nil }
        var tags: [String] = []
        for _ in 0..<tagCount {
            guard let tag = reader.string() else { return nil }
            tags.append(tag)
        }
        guard let storedAt = reader.integer(UInt64.self),
            let freshUntil = reader.integer(UInt64.self),
            let staleUntil = reader.integer(UInt64.self),
            let payloadLength = reader.integer(UInt64.self), payloadLength <= UInt64(Int.max),
            let payloadChecksum = reader.string(), payloadChecksum.utf8.count == 64,
            reader.isAtEnd
        else { return nil }
        self.keyDigest = keyDigest
        self.tool = ToolID(name: name, version: version)
        self.tags = tags
        self.storedAt = Timestamp(nanosecondsSinceEpoch: Int64(bitPattern: storedAt))
        self.freshUntil = Timestamp(nanosecondsSinceEpoch: Int64(bitPattern: freshUntil))
        self.staleUntil = Timestamp(nanosecondsSinceEpoch: Int64(bitPattern: staleUntil))
        self.payloadLength = Int(payloadLength)
        self.payloadChecksum = payloadChecksum
    }

    init(key: CallKey, entry: CacheEntry) {
        keyDigest = key.digest
        tool = entry.tool
        tags = entry.tags
        storedAt = entry.storedAt
        freshUntil = entry.freshUntil
        staleUntil = entry.staleUntil
        payloadLength = entry.payload.count
        payloadChecksum = KeyDigest.sha256Hex(entry.payload)
    }
}

/// Appends little-endian integers and length-prefixed UTF-8 strings.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ string: String) {
        append(UInt32(string.utf8.count))
        bytes.append(contentsOf: string.utf8)
    }
}

/// Reads what ``ByteWriter`` wrote, returning `nil` instead of reading past the end.
struct ByteReader {
    private let bytes: ArraySlice<UInt8>
    private var position: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.position = bytes.startIndex
    }

    var isAtEnd: Bool { position == bytes.endIndex }

    mutating func integer<T: FixedWidthInteger>(_ type: T.Type) -> T? {
        let size = MemoryLayout<T>.size
        guard bytes.endIndex - position >= size else { return nil }
        var value: T = 0
        for offset in (0..<size).reversed() { value = value << 8 | T(bytes[position + offset]) }
        position += size
        return value
    }

    mutating func string() -> String? {
        guard let length = integer(UInt32.self), bytes.endIndex - position >= Int(length) else { return nil }
        let slice = bytes[position..<position + Int(length)]
        position += Int(length)
        return String(validating: slice, as: UTF8.self)
    }
}
