extension JSONValue {
    /// Whether the value is `null`, `""`, `[]` or `{}`: an answer caches skip unless told otherwise,
    /// so a transient empty result is not pinned for a whole TTL.
    public var isEmptyResult: Bool {
        switch self {
        case .null: true
        case .string(let string): string.isEmpty
        case .array(let elements): elements.isEmpty
        case .object(let members): members.isEmpty
        default: false
        }
    }
}
