import ToolOpsCore

/// A ``SemanticCursor`` of a ``FileSemanticStore``: a byte offset in the log, tagged with the
/// log's generation.
///
/// The cursor's 63 bits hold the low 23 bits of the generation above a 40-bit offset (logs up
/// to 1 TiB). A cursor whose tag differs from the current log's generation was handed out
/// before a compaction: its offset means nothing in the new file.
struct LogPosition: Hashable {
    /// The low bits of the log's generation.
    let tag: Int64
    /// Bytes from the start of the log to the end of the last line read.
    let offset: Int64

    static let offsetBits: Int64 = 40

    init(generation: UInt64, offset: Int64) {
        tag = Self.tag(of: generation)
        self.offset = offset
    }

    init(_ cursor: SemanticCursor) {
        tag = cursor.position >> Self.offsetBits
        offset = cursor.position & ((1 << Self.offsetBits) - 1)
    }

    /// Whether this position was handed out for the log of `generation`.
    func belongs(to generation: UInt64) -> Bool { tag == Self.tag(of: generation) }

    var cursor: SemanticCursor { SemanticCursor(position: tag << Self.offsetBits | offset) }

    private static func tag(of generation: UInt64) -> Int64 { Int64(generation & 0x7F_FFFF) }
}
