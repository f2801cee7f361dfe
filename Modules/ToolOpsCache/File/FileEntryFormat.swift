import ToolOpsCore

/// The on-disk format of one ``FileCache`` entry, version 1.
///
/// ```
/// magic            8 bytes   89 54 43 45 0D 0A 1A 0A  ("\x89TCE\r\n\x1A\n")
/// format version   UInt16 LE (1)
/// header length    UInt32 LE (H)
/// header           H bytes   see FileEntryHeader (lengths, times, payload SHA-256)
/// header checksum  64 bytes  SHA-256 of the header, lowercase hex
/// payload          the header's payload length, checked against its SHA-256
/// ```
///
/// The magic starts with a byte that is not ASCII, so no text or JSON file is ever taken for an
/// entry; the store deletes only files that carry it.
enum FileEntryFormat {
    static let magic: [UInt8] = [0x89, 0x54, 0x43, 0x45, 0x0D, 0x0A, 0x1A, 0x0A]
    static let version: UInt16 = 1
    /// Magic, version and header length.
    static let prefixLength = 14
    static let checksumLength = 64
    static let maxHeaderLength = 1 << 20

    /// Why a file could not be read as an entry.
    enum Problem: Error, CustomStringConvertible {
        /// The file does not start with the magic: something else put it there.
        case foreign
        /// A format version this build does not know; written by a newer ToolOps.
        case unsupportedVersion(UInt16)
        /// The file ends before its declared length.
        case truncated(expected: Int, actual: Int)
        /// The file is damaged in some other way.
        case corrupt(String)

        /// Whether the file is recognisably the store's own (and so may be deleted).
        var isOurs: Bool {
            if case .foreign = self { return false }
            return true
        }

        var description: String {
            switch self {
            case .foreign: "it does not start with the ToolOps cache magic"
            case .unsupportedVersion(let version): "it has format version \(version), newer than this build reads"
            case .truncated(let expected, let actual): "it is truncated: \(actual) of \(expected) bytes"
            case .corrupt(let reason): "it is corrupt: \(reason)"
            }
        }
    }

    /// The bytes of an entry file with this header and payload.
    static func encode(_ header: FileEntryHeader, payload: [UInt8]) -> [UInt8] {
        let header = header.encoded()
        var bytes = magic
        bytes.reserveCapacity(prefixLength + header.count + checksumLength + payload.count)
        var writer = ByteWriter()
        writer.append(version)
        writer.append(UInt32(header.count))
        bytes += writer.bytes
        bytes += header
        bytes += Array(KeyDigest.sha256Hex(header).utf8)
        bytes += payload
        return bytes
    }

    /// How many leading bytes hold the header and its checksum, from a file's first 14 bytes.
    static func headerEnd(of prefix: [UInt8]) throws(Problem) -> Int {
        try checkMagic(prefix)
        guard prefix.count >= prefixLength else {
            throw .truncated(expected: prefixLength, actual: prefix.count)
        }
        var reader = ByteReader(prefix[magic.count..<prefixLength])
        let version = reader.integer(UInt16.self)!
        guard version == Self.version else { throw .unsupportedVersion(version) }
        let headerLength = Int(reader.integer(UInt32.self)!)
        guard headerLength <= maxHeaderLength else { throw .corrupt("header length \(headerLength) is implausible") }
        return prefixLength + headerLength + checksumLength
    }

    /// Parses and checks the header of a file of `fileSize` bytes whose leading `bytes` were read.
    ///
    /// - Returns: the header and the offset where the payload starts.
    static func header(of bytes: [UInt8], fileSize: Int) throws(Problem) -> (FileEntryHeader, payloadOffset: Int) {
        let end = try headerEnd(of: bytes)
        guard bytes.count >= end else { throw .truncated(expected: end, actual: bytes.count) }
        let headerBytes = bytes[prefixLength..<end - checksumLength]
        guard KeyDigest.sha256Hex(headerBytes).utf8.elementsEqual(bytes[end - checksumLength..<end]) else {
            throw .corrupt("header checksum mismatch")
        }
        guard let header = FileEntryHeader(decoding: headerBytes) else { throw .corrupt("header fields are malformed") }
        let expected = end + header.payloadLength
        guard fileSize >= expected else { throw .truncated(expected: expected, actual: fileSize) }
        guard fileSize == expected else { throw .corrupt("\(fileSize - expected) unexpected bytes after the payload") }
        return (header, end)
    }

    /// Parses and fully checks a whole entry file.
    static func decode(_ bytes: [UInt8]) throws(Problem) -> (FileEntryHeader, payload: [UInt8]) {
        let (header, offset) = try header(of: bytes, fileSize: bytes.count)
        let payload = Array(bytes[offset...])
        guard KeyDigest.sha256Hex(payload) == header.payloadChecksum else {
            throw .corrupt("payload checksum mismatch")
        }
        return (header, payload)
    }

    /// Throws ``Problem/foreign`` unless `bytes` start with the magic (or, when shorter, with
    /// its beginning: an entry file cut short is still ours).
    static func checkMagic(_ bytes: [UInt8]) throws(Problem) {
        let count = min(bytes.count, magic.count)
        guard bytes[..<count].elementsEqual(magic[..<count]) else { throw .foreign }
    }
}
