extension HashingEmbedder {
    /// The vector size and the weight of each kind of feature.
    public struct Configuration: Sendable, Hashable {
        /// The vector length. Default 512.
        public var dimensions: Int
        /// Weight of a word. Default 1.
        public var wordWeight: Float
        /// Weight of two adjacent words (some word order). Default 0.25.
        public var wordPairWeight: Float
        /// Total weight of a word's character n-grams (spelling variants, compounds). Default 1.
        public var characterGramWeight: Float
        /// Length of the character n-grams. Default 3.
        public var characterGramLength: Int
        /// Multiplier for frequent function words ("the", "is", "of"). Default 0.1.
        public var functionWordWeight: Float

        public init(
            dimensions: Int = 512, wordWeight: Float = 1, wordPairWeight: Float = 0.25, characterGramWeight: Float = 1,
            characterGramLength: Int = 3, functionWordWeight: Float = 0.1
        ) {
            self.dimensions = max(1, dimensions)
            self.wordWeight = wordWeight
            self.wordPairWeight = wordPairWeight
            self.characterGramWeight = characterGramWeight
            self.characterGramLength = max(1, characterGramLength)
            self.functionWordWeight = functionWordWeight
        }

        var hasDefaultWeights: Bool {
            var defaults = Configuration()
            defaults.dimensions = dimensions
            return self == defaults
        }

        var weightsSignature: String {
            "w\(wordWeight)-p\(wordPairWeight)-c\(characterGramWeight)x\(characterGramLength)-f\(functionWordWeight)"
        }
    }
}
