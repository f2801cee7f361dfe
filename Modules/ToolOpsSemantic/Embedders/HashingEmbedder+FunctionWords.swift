extension HashingEmbedder {
    /// Frequent English function words: they carry little of a question's meaning, so they weigh
    /// less. Negations ("not", "no", "never") are deliberately absent — they change meaning.
    static let functionWords: Set<Substring> = [
        "a", "an", "the", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "of", "to",
        "in", "on", "at", "for", "from", "by", "with", "about", "as", "into", "and", "or", "but", "if", "then",
        "so", "that", "this", "these", "those", "it", "its", "i", "me", "my", "you", "your", "we", "our", "he",
        "she", "his", "her", "they", "them", "their", "what", "which", "who", "whom", "whose", "how", "there",
        "here", "can", "could", "would", "should", "will", "shall", "may", "might", "must", "have", "has", "had",
        "please", "tell", "some", "any",
    ]

    static func isFunctionWord(_ word: Substring) -> Bool { functionWords.contains(word) }
}
