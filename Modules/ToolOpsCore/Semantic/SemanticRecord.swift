/// One answer of a semantic cache, as persisted: the text it answered, its vector, and the value.
///
/// A record belongs to a tool (name and version) and a *partition*: a digest of everything that
/// must be equal for a match besides the text — the embedder, the tool's other arguments, the
/// namespace. Only records of the same partition are ever compared.
public struct SemanticRecord: Sendable, Hashable {
    /// Unique across processes (random 64 bits), so processes sharing a store never collide.
    public var id: UInt64
    /// The tool whose answer this is.
    public var tool: ToolID
    /// The namespace (tenant, environment) the record belongs to.
    public var namespace: String
    /// Digest of the embedder and the non-text arguments; matches are searched within one partition.
    public var partition: String
    /// The natural-language text that was asked.
    public var text: String
    /// The text's vector, unit length.
    public var vector: [Float]
    /// The answer: the tool's output as canonical JSON bytes.
    public var value: [UInt8]
    /// Tags, for invalidation.
    public var tags: [String]
    /// When the answer was stored.
    public var storedAt: Timestamp
    /// When it stops being fresh.
    public var expiresAt: Timestamp
    /// Until when it may be served stale, after a failure (equal to ``expiresAt`` without stale-if-error).
    public var staleUntil: Timestamp

    public init(
        id: UInt64, tool: ToolID, namespace: String, partition: String, text: String, vector: [Float],
        value: [UInt8], tags: [String], storedAt: Timestamp, expiresAt: Timestamp, staleUntil: Timestamp
    ) {
        self.id = id
        self.tool = tool
        self.namespace = namespace
        self.partition = partition
        self.text = text
        self.vector = vector
        self.value = value
        self.tags = tags
        self.storedAt = storedAt
        self.expiresAt = expiresAt
        self.staleUntil = staleUntil
    }
}
