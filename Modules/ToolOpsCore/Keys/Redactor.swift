/// Masks the values of a call's sensitive arguments wherever they might appear in text.
///
/// An upstream error message may quote the token it was sent; before such a message reaches an
/// event, a log or the caller it passes through the call's redactor.
public struct Redactor: Sendable, Hashable {
    /// The text that replaces a masked value.
    public static let mask = "***"

    private let secrets: [String]

    /// A redactor for these secret values. Values shorter than 4 characters are not searched for
    /// in free text (they would mask ordinary words); they are still masked as argument values.
    public init(secrets: [String] = []) {
        self.secrets = secrets.filter { $0.count >= 4 }.sorted { $0.count > $1.count }
    }

    /// Whether there is anything to mask.
    public var isEmpty: Bool { secrets.isEmpty }

    /// `text` with every secret value replaced by ``mask``.
    public func redact(_ text: String) -> String {
        guard !secrets.isEmpty else { return text }
        var result = text
        for secret in secrets where result.contains(secret) {
            result = result.replacing(secret, with: Self.mask)
        }
        return result
    }
}
