import Foundation

/// BERT's text normalisation for an uncased model, step for step as Hugging Face's `BertNormalizer`
/// (`clean_text`, `handle_chinese_chars`, `strip_accents` following `lowercase`, `lowercase`).
///
/// 1. Clean: drop NUL, U+FFFD and control characters; every whitespace character becomes a space.
/// 2. Put a space on each side of a CJK ideograph.
/// 3. Strip accents: canonical decomposition (NFD), then drop nonspacing marks (Mn).
/// 4. Lower-case, scalar by scalar (full mappings: `İ` would give two scalars).
///
/// The result is Unicode scalars, which ``BertPreTokenizer`` splits into words.
struct BertNormalizer: Sendable {
    /// The normalised scalars of `text`, written over `scalars`.
    func normalize(_ text: Substring, into scalars: inout [Unicode.Scalar]) {
        scalars.removeAll(keepingCapacity: true)
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            normalizeASCII(text.utf8, into: &scalars)
        } else {
            normalizeUnicode(text, into: &scalars)
        }
    }

    /// ASCII text has no ideographs, accents or non-ASCII case mappings: one pass over the bytes.
    private func normalizeASCII(_ bytes: Substring.UTF8View, into scalars: inout [Unicode.Scalar]) {
        for byte in bytes {
            switch byte {
            case 0x09, 0x0A, 0x0D: scalars.append(" ")
            case 0x41...0x5A: scalars.append(Unicode.Scalar(byte | 0x20))
            case 0x20..<0x7F: scalars.append(Unicode.Scalar(byte))
            default: continue  // C0 controls and DEL
            }
        }
    }

    private func normalizeUnicode(_ text: Substring, into scalars: inout [Unicode.Scalar]) {
        var cleaned = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value == 0 || scalar.value == 0xFFFD || scalar.isBertControl { continue }
            if scalar.isBertWhitespace {
                cleaned.append(" ")
            } else if scalar.isBertChineseCharacter {
                cleaned.append(contentsOf: [" ", scalar, " "])
            } else {
                cleaned.append(scalar)
            }
        }
        // Decompose the whole text, not scalar by scalar: NFD also puts combining marks in canonical order.
        let decomposed = String(cleaned).decomposedStringWithCanonicalMapping
        for scalar in decomposed.unicodeScalars where scalar.properties.generalCategory != .nonspacingMark {
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                scalars.append((0x41...0x5A).contains(byte) ? Unicode.Scalar(byte | 0x20) : scalar)
            } else {
                scalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
    }
}
