/// The character classes of BERT's text normalisation and pre-tokenisation, as Hugging Face's
/// `tokenizers` (the fast `BertTokenizer`) defines them.
extension Unicode.Scalar {
    /// A control or other invisible character that cleaning drops: general category Cc, Cf, Co,
    /// Cs or Cn (unassigned), except tab, line feed and carriage return, which count as whitespace.
    var isBertControl: Bool {
        switch value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x20..<0x7F: return false
        case 0..<0x20, 0x7F: return true
        default:
            switch properties.generalCategory {
            case .control, .format, .privateUse, .surrogate, .unassigned: return true
            default: return false
            }
        }
    }

    /// Whitespace: tab, line feed, carriage return, or any scalar with Unicode's White_Space property.
    var isBertWhitespace: Bool {
        switch value {
        case 0x09, 0x0A, 0x0D, 0x20: return true
        case 0..<0x80: return false
        default: return properties.isWhitespace
        }
    }

    /// A CJK ideograph, which BERT makes a word of its own: the ranges `tokenizers` checks
    /// (its fifth range starts at U+2B920, where the original BERT's starts at U+2B820).
    var isBertChineseCharacter: Bool {
        switch value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F, 0x2B740...0x2B81F,
            0x2B920...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
            return true
        default:
            return false
        }
    }

    /// Punctuation, which BERT splits off as a word of its own: every non-alphanumeric printable
    /// ASCII character (`$`, `+`, `^` and `~` included), and Unicode general categories P*.
    var isBertPunctuation: Bool {
        switch value {
        case 33...47, 58...64, 91...96, 123...126: return true
        case 0..<0x80: return false
        default:
            switch properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                .initialPunctuation, .finalPunctuation, .otherPunctuation:
                return true
            default:
                return false
            }
        }
    }
}
