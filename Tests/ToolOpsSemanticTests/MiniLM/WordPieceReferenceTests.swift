import Foundation
import Testing
import ToolOpsSemantic

@Suite("WordPieceTokenizer against Hugging Face")
struct WordPieceReferenceTests {
    @Test(
        "ids equal Hugging Face's for every reference text",
        .enabled(if: MiniLMFixtures.hasModel, "the MiniLM model is not downloaded: run `make model`"),
        .enabled(if: MiniLMFixtures.hasReference, "no reference.jsonl: set TOOLOPS_MINILM_REFERENCE to one"))
    func matchesReference() throws {
        let tokenizer = try #require(MiniLMFixtures.tokenizer)
        let cases = try MiniLMFixtures.referenceCases()
        #expect(cases.count == 200)
        let encoded = tokenizer.encode(cases.map(\.text))
        for (reference, ids) in zip(cases, encoded) {
            #expect(
                ids == reference.inputIDs, "\(reference.text.debugDescription): \(tokenizer.tokens(reference.text))")
        }
    }

    @Test(
        "the downloaded vocabulary frames texts with [CLS] 101 and [SEP] 102",
        .enabled(if: MiniLMFixtures.hasModel, "the MiniLM model is not downloaded: run `make model`"))
    func specialIDs() throws {
        let tokenizer = try #require(MiniLMFixtures.tokenizer)
        #expect(tokenizer.encode("") == [101, 102])
        #expect(tokenizer.tokens("Café au lait!") == ["[CLS]", "cafe", "au", "lai", "##t", "!", "[SEP]"])
        #expect(tokenizer.configuration.maxLength == 256)
    }
}
