/// Persistence for a semantic cache: a log of records that several processes can share.
///
/// A semantic cache keeps its vectors in memory, in an index, and uses the store to survive
/// restarts and to share answers: it writes every new record, and reads ``changes(after:)``
/// regularly so that records written (or removed) by other processes reach its index. The store
/// only needs to hand out changes in order after a cursor; it never searches vectors.
///
/// Built in: `FileSemanticStore` (ToolOpsSemantic, one process or several on one machine) and
/// `PostgresSemanticStore` (ToolOpsPostgres, any number of machines).
public protocol SemanticStore: Sendable {
    /// The changes after `cursor` (from the beginning when `nil`), oldest first, with the cursor to
    /// pass next time. From the beginning, a store may return only its live records as insertions.
    func changes(after cursor: SemanticCursor?) async throws -> SemanticChanges
    /// Adds a record (replacing one with the same id).
    func insert(_ record: SemanticRecord) async throws
    /// Removes records by id; unknown ids are ignored.
    func remove(ids: [UInt64]) async throws
    /// Removes the records in `scope` (all, a tool's, or a tag's); returns how many.
    func invalidate(_ scope: CacheScope) async throws -> Int
}

/// A position in a ``SemanticStore``'s log, opaque to the cache.
public struct SemanticCursor: Sendable, Hashable, Codable {
    public var position: Int64

    public init(position: Int64) {
        self.position = position
    }
}

/// One change in a ``SemanticStore``'s log.
public enum SemanticChange: Sendable {
    /// A record was added (or replaced).
    case inserted(SemanticRecord)
    /// A record was removed.
    case removed(UInt64)
    /// Every record in a scope was removed.
    case invalidated(CacheScope)
}

/// What changed in a ``SemanticStore`` after a cursor, in order.
public struct SemanticChanges: Sendable {
    /// The changes, oldest first; apply them in this order.
    public var changes: [SemanticChange]
    /// The cursor after these changes.
    public var cursor: SemanticCursor

    public init(changes: [SemanticChange], cursor: SemanticCursor) {
        self.changes = changes
        self.cursor = cursor
    }
}
