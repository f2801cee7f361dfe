import ToolOpsCore

/// The built-in embedder: hashed word (lightly stemmed), word-pair and character n-gram features. Zero download,
/// no network, deterministic across processes.
///
/// It is **lexical, not semantic**: two texts are close when they share words, word pairs and
/// word pieces ("invoice 442 status" / "status of invoice 442"), not when they mean the same in
/// different words ("is it paid?" / "has it been settled?"). It makes semantic caching work offline
/// out of the box for rephrasings that keep the key words; for paraphrase-level matching use a real
/// model (`OpenAIEmbedder`, or the native MiniLM embedder). Frequent function words ("the", "is",
/// "of") weigh less than content words, so they do not make unrelated questions look alike.
///
/// ```swift
/// let embedder = HashingEmbedder()
/// let vector = try await embedder.embed("status of invoice #442?")   // 512 values, unit length
/// ```
public struct HashingEmbedder: Embedder {
    /// The feature weights and vector size.
    public let configuration: Configuration

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// `hashing-ngram-v1/<dimensions>`, plus the weights when they differ from the defaults.
    public var identifier: String {
        let base = "hashing-ngram-v1/\(configuration.dimensions)"
        return configuration.hasDefaultWeights ? base : "\(base)/\(configuration.weightsSignature)"
    }

    public var dimensions: Int { configuration.dimensions }

    public func embed(_ texts: [String]) async throws(EmbeddingError) -> [[Float]] {
        texts.map(vector(for:))
    }

    /// The vector of one text, synchronously (the work is microseconds).
    public func vector(for text: String) -> [Float] {
        var vector = [Float](repeating: 0, count: configuration.dimensions)
        let words = TextTokens(text).words
        vector.withUnsafeMutableBufferPointer { buffer in
            var features = FeatureAccumulator(buffer: buffer)
            for (position, word) in words.enumerated() {
                let weight = HashingEmbedder.isFunctionWord(word) ? configuration.functionWordWeight : 1
                var unigram = FeatureHash(tag: 1)
                unigram.mix(HashingEmbedder.stem(word))
                features.add(unigram.finalized, weight: configuration.wordWeight * weight)
                if position > 0 {
                    var pair = FeatureHash(tag: 2)
                    pair.mix(HashingEmbedder.stem(words[position - 1]))
                    pair.mix(0x20)
                    pair.mix(HashingEmbedder.stem(word))
                    features.add(pair.finalized, weight: configuration.wordPairWeight * weight)
                }
                addCharacterGrams(of: word, weight: configuration.characterGramWeight * weight, to: &features)
            }
            features.normalize()
        }
        return vector
    }

    /// Character trigrams of `^word$`, each weighing `weight / count` so a long word counts no more
    /// than a short one.
    private func addCharacterGrams(of word: Substring, weight: Float, to features: inout FeatureAccumulator) {
        let scalars = [Unicode.Scalar("^")] + Array(word.unicodeScalars) + [Unicode.Scalar("$")]
        let n = configuration.characterGramLength
        guard scalars.count >= n, weight > 0 else { return }
        let count = scalars.count - n + 1
        let each = weight / Float(count)
        for start in 0..<count {
            var gram = FeatureHash(tag: 3)
            for scalar in scalars[start..<(start + n)] {
                Unicode.UTF8.encode(scalar) { gram.mix($0) }
            }
            features.add(gram.finalized, weight: each)
        }
    }
}

extension HashingEmbedder {
    /// A light English stem for word features: plural, `-ing`, `-ed` and `-ly` endings off, so
    /// "invoices" and "invoice", "shipping" and "shipped" share a feature. Words of four letters or
    /// fewer, and irregular forms, are left alone.
    static func stem(_ word: Substring) -> Substring {
        guard word.count > 4 else { return word }
        for (suffix, keep) in [("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("ly", "")] {
            if word.hasSuffix(suffix), !word.hasSuffix("ss") || suffix != "s" {
                let base = word.dropLast(suffix.count)
                if base.count >= 3 { return keep.isEmpty ? base : Substring(String(base) + keep) }
            }
        }
        return word
    }
}

/// Adds signed, hashed features into a vector: the bucket from the low bits, the sign from the top
/// bit, so collisions cancel out on average instead of piling up.
struct FeatureAccumulator {
    let buffer: UnsafeMutableBufferPointer<Float>

    func add(_ hash: UInt64, weight: Float) {
        let bucket = Int(hash % UInt64(buffer.count))
        buffer[bucket] += hash >> 63 == 0 ? weight : -weight
    }

    func normalize() {
        var sum: Float = 0
        for value in buffer { sum += value * value }
        guard sum > 0 else { return }
        let scale = 1 / sum.squareRoot()
        for index in buffer.indices { buffer[index] *= scale }
    }
}
