import Foundation
import Testing
import ToolOpsSemantic

@Suite("WordPieceVocabulary")
struct WordPieceVocabularyTests {
    func file(_ contents: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vocab-\(UUID().uuidString).txt")
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func error(_ body: () throws -> Void) -> MiniLMError? {
        do {
            try body()
            return nil
        } catch {
            return error as? MiniLMError
        }
    }

    @Test("ids are line numbers from 0; a final newline and Windows line ends are fine")
    func lineNumbers() throws {
        let vocabulary = try WordPieceVocabulary(contentsOf: try file("[PAD]\r\nhello\r\n##lo\n"))
        #expect(vocabulary.count == 3)
        #expect(vocabulary.id(for: "hello") == 1)
        #expect(vocabulary.id(for: "##lo") == 2)
        #expect(vocabulary.token(for: 2) == "##lo")
        #expect(vocabulary.token(for: 3) == nil)
    }

    @Test("a missing, empty or token-less file is an error naming it")
    func missingOrEmpty() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-vocab-\(UUID().uuidString).txt")
        let notFound = error { _ = try WordPieceVocabulary(contentsOf: missing) }
        #expect(notFound?.code == .missingFile)
        #expect(notFound?.path == missing.path)
        #expect(notFound?.description.contains("make model") == true)
        let empty = try file("")
        #expect(error { _ = try WordPieceVocabulary(contentsOf: empty) }?.code == .emptyFile)
        let newline = try file("\n")
        let blank = error { _ = try WordPieceVocabulary(contentsOf: newline) }
        #expect(blank?.code == .invalidVocabulary)
        #expect(blank?.message == "line 1 is empty; expected one token per line")
        let noTokens = error { _ = try WordPieceVocabulary(tokens: [], source: "vocab.txt") }
        #expect(noTokens?.description.contains("has no tokens") == true)
    }

    @Test("a duplicate token or an empty line is an error naming the lines")
    func duplicates() throws {
        let repeated = try file("[PAD]\nhello\nworld\nhello\n")
        let duplicate = error { _ = try WordPieceVocabulary(contentsOf: repeated) }
        #expect(duplicate?.code == .invalidVocabulary)
        #expect(duplicate?.path == repeated.path)
        #expect(duplicate?.message == "line 4 repeats the token 'hello' of line 2")
        let blank = try file("[PAD]\n\nhello\n")
        #expect(error { _ = try WordPieceVocabulary(contentsOf: blank) }?.message.contains("line 2 is empty") == true)
    }

    @Test("a tokenizer needs [UNK], [CLS] and [SEP] in the vocabulary")
    func specialTokensRequired() throws {
        let vocabulary = try WordPieceVocabulary(tokens: ["[UNK]", "[CLS]", "hello"], source: "vocab.txt")
        let missing = error { _ = try WordPieceTokenizer(vocabulary: vocabulary) }
        #expect(missing?.code == .invalidVocabulary)
        #expect(missing?.message == "has no '[SEP]' token")
    }
}
