import Synchronization

/// Collects `@Field` annotations, by coding path, while an example instance is being encoded.
///
/// A task-local rather than a special encoder: the example is encoded by the ordinary
/// `JSONValueEncoder` (which also yields its default values) and each `Field` reports itself here.
final class FieldRecorder: Sendable {
    /// The recorder of the encoding in progress on this task, if any.
    @TaskLocal static var current: FieldRecorder?

    private let fields = Mutex<[String: FieldMetadata]>([:])

    /// Remembers `metadata` for the field at `codingPath` (array positions collapse to `[]`).
    func record(_ metadata: FieldMetadata, at codingPath: [any CodingKey]) {
        let path = SchemaPath.normalized(codingPath)
        fields.withLock { fields in
            if fields[path] == nil { fields[path] = metadata }
        }
    }

    /// Everything recorded, keyed by normalized path.
    var recorded: [String: FieldMetadata] { fields.withLock { $0 } }
}
