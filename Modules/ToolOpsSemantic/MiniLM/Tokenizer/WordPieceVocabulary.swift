import Foundation

/// A WordPiece vocabulary: the tokens of a BERT model, each with its id (its line in `vocab.txt`,
/// counting from 0). Continuation pieces start with `##`.
///
/// ```swift
/// let vocabulary = try WordPieceVocabulary(contentsOf: directory.vocabularyFile)
/// vocabulary.id(for: "[CLS]")  // 101
/// vocabulary.token(for: 2003)  // "is"
/// ```
public struct WordPieceVocabulary: Sendable {
    /// Every token, at its id.
    public let tokens: [String]
    /// Where the tokens came from (a path), for errors.
    public let source: String
    /// Token → id, for whole words and first pieces (the lookup matches the whole token text).
    let ids: [String: Int32]
    /// Continuation pieces without their `##` → id, so a lookup needs no string concatenation.
    let continuationIDs: [String: Int32]
    /// The most scalars any token has (first pieces) or has after `##` (continuations): longer
    /// candidates cannot match, so the greedy search starts there.
    let longestToken: Int
    let longestContinuation: Int

    /// The continuation prefix.
    public static let continuationPrefix = "##"

    /// A vocabulary of `tokens`, the id of each being its index.
    ///
    /// - Throws: ``MiniLMError/Code/invalidVocabulary`` for no tokens, an empty token or a duplicate
    ///   (a token canonically equivalent to an earlier one counts as a duplicate), naming its line.
    public init(tokens: [String], source: String = "vocabulary") throws(MiniLMError) {
        guard !tokens.isEmpty else { throw MiniLMError(.invalidVocabulary, path: source, "has no tokens") }
        guard tokens.count <= Int(Int32.max) else {
            throw MiniLMError(.invalidVocabulary, path: source, "has more tokens than 32-bit ids can number")
        }
        var ids: [String: Int32] = [:]
        var continuationIDs: [String: Int32] = [:]
        ids.reserveCapacity(tokens.count)
        var longestToken = 0
        var longestContinuation = 0
        for (index, token) in tokens.enumerated() {
            guard !token.isEmpty else {
                throw MiniLMError(
                    .invalidVocabulary, path: source, "line \(index + 1) is empty; expected one token per line")
            }
            if let earlier = ids.updateValue(Int32(index), forKey: token) {
                throw MiniLMError(
                    .invalidVocabulary, path: source,
                    "line \(index + 1) repeats the token '\(token)' of line \(earlier + 1)")
            }
            longestToken = max(longestToken, token.unicodeScalars.count)
            if token.hasPrefix(Self.continuationPrefix) {
                let piece = String(token.dropFirst(Self.continuationPrefix.count))
                continuationIDs[piece] = Int32(index)
                longestContinuation = max(longestContinuation, piece.unicodeScalars.count)
            }
        }
        self.tokens = tokens
        self.source = source
        self.ids = ids
        self.continuationIDs = continuationIDs
        self.longestToken = longestToken
        self.longestContinuation = longestContinuation
    }

    /// The vocabulary in a `vocab.txt` file: UTF-8, one token per line (a final newline and
    /// Windows line ends are fine).
    ///
    /// - Throws: ``MiniLMError``: the file missing, empty, unreadable or not UTF-8, or an invalid
    ///   vocabulary (as ``init(tokens:source:)``).
    public init(contentsOf url: URL) throws(MiniLMError) {
        try ModelFile.check(url)
        let data = try ModelFile.read(url)
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        var tokens: [String] = []
        tokens.reserveCapacity(lines.count)
        for (index, line) in lines.enumerated() {
            let bytes = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
            guard let token = String(validating: bytes, as: UTF8.self) else {
                throw MiniLMError(.invalidVocabulary, path: url.path, "line \(index + 1) is not valid UTF-8")
            }
            tokens.append(token)
        }
        try self.init(tokens: tokens, source: url.path)
    }

    /// How many tokens there are.
    public var count: Int { tokens.count }

    /// The id of `token` (`##` included for a continuation piece), or `nil` when it is not in the vocabulary.
    public func id(for token: String) -> Int32? { ids[token] }

    /// The token with id `id`, or `nil` when there is none.
    public func token(for id: Int32) -> String? {
        tokens.indices.contains(Int(id)) ? tokens[Int(id)] : nil
    }
}
