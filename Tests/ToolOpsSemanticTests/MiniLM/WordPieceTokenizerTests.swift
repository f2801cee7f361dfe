import Foundation
import Testing
import ToolOpsSemantic

/// A small vocabulary whose tokens are easy to read back.
let tinyVocabulary = [
    "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "cafe", "aeiou", "un", "##aff", "##able", "hello", "world",
    "don", "'", "t", "!", "$", "«", "»", "东", "京", "の", "a", "##a", "i", "strasse", "ß",
]

func tinyTokenizer(maxLength: Int = 256) throws -> WordPieceTokenizer {
    try WordPieceTokenizer(
        vocabulary: try WordPieceVocabulary(tokens: tinyVocabulary),
        configuration: .init(maxLength: maxLength))
}

@Suite("WordPieceTokenizer")
struct WordPieceTokenizerTests {
    /// The tokens between [CLS] and [SEP].
    func pieces(_ text: String, maxLength: Int = 256) throws -> [String] {
        let tokens = try tinyTokenizer(maxLength: maxLength).tokens(text)
        #expect(tokens.first == "[CLS]" && tokens.last == "[SEP]")
        return Array(tokens.dropFirst().dropLast())
    }

    @Test("accents are stripped and letters lower-cased")
    func accents() throws {
        #expect(try pieces("Café") == ["cafe"])
        #expect(try pieces("ÀÉÎÕÜ àéîõü") == ["aeiou", "aeiou"])
        #expect(try pieces("CAFE\u{301}") == ["cafe"])  // a combining accent after the letter
        #expect(try pieces("İ") == ["i"])  // dotted capital I: NFD then lower-case
        #expect(try pieces("Straße") == ["[UNK]"])  // ß is not decomposed; "straß" is not in the vocabulary
    }

    @Test("CJK ideographs are words of their own; kana are not")
    func cjk() throws {
        #expect(try pieces("东京hello") == ["东", "京", "hello"])
        #expect(try pieces("东の") == ["东", "の"])
        #expect(try pieces("のの") == ["[UNK]"])
    }

    @Test("punctuation, ASCII symbols included, is split off")
    func punctuation() throws {
        #expect(try pieces("don't!") == ["don", "'", "t", "!"])
        #expect(try pieces("$hello") == ["$", "hello"])
        #expect(try pieces("«hello»") == ["«", "hello", "»"])
    }

    @Test("words are cut into the longest pieces from the left")
    func wordPieces() throws {
        #expect(try pieces("unaffable") == ["un", "##aff", "##able"])
        #expect(try pieces("aaa") == ["a", "##a", "##a"])
        #expect(try pieces("unaffablex") == ["[UNK]"])  // no piece for the tail: the whole word
    }

    @Test("a word over 100 characters is [UNK]; one of 100 is cut into pieces")
    func longWords() throws {
        #expect(try pieces(String(repeating: "a", count: 100)) == ["a"] + Array(repeating: "##a", count: 99))
        #expect(try pieces(String(repeating: "a", count: 101) + " hello") == ["[UNK]", "hello"])
    }

    @Test("a character the vocabulary lacks makes its word [UNK]")
    func unknownCharacter() throws {
        #expect(try pieces("hello☃ world") == ["[UNK]", "world"])
        #expect(try pieces("😀") == ["[UNK]"])
    }

    @Test("an empty or blank text is [CLS] [SEP]")
    func emptyText() throws {
        let tokenizer = try tinyTokenizer()
        #expect(tokenizer.encode("") == [2, 3])
        #expect(tokenizer.encode(" \t\n ") == [2, 3])
    }

    @Test("control characters are dropped, whitespace characters separate words")
    func controlCharacters() throws {
        #expect(try pieces("hel\u{0}lo\u{7}\u{200B}\u{FFFD}") == ["hello"])
        #expect(try pieces("hello\tworld\r\nhello\u{A0}world\u{2003}!") == ["hello", "world", "hello", "world", "!"])
    }

    @Test("special tokens written in the text are kept whole, case-sensitively")
    func specialTokens() throws {
        #expect(try pieces("hello [SEP]world[MASK]") == ["hello", "[SEP]", "world", "[MASK]"])
        #expect(try pieces("[sep]") == ["[UNK]", "[UNK]", "[UNK]"])  // "[", "sep", "]": none in the vocabulary
    }

    @Test("ids are cut to the sequence limit, [SEP] staying last")
    func truncation() throws {
        let tokenizer = try tinyTokenizer()
        let ids = tokenizer.encode(Array(repeating: "hello", count: 300).joined(separator: " "))
        #expect(ids.count == 256)
        #expect(ids.first == 2 && ids.last == 3)
        #expect(ids.dropFirst().dropLast().allSatisfy { $0 == 10 })
        // The limit can fall inside a word: its first pieces stay.
        #expect(try pieces("unaffable hello", maxLength: 4) == ["un", "##aff"])
        #expect(try tinyTokenizer(maxLength: 2).encode("hello") == [2, 3])
    }

    @Test("encoding a batch gives each text's ids, in order")
    func batch() throws {
        let tokenizer = try tinyTokenizer()
        let texts = ["hello world", "", "Café!"]
        #expect(tokenizer.encode(texts) == texts.map { tokenizer.encode($0) })
        #expect(tokenizer.encode(texts)[2] == [2, 5, 15, 3])
    }
}
