import Testing
import ToolOpsCore

@Suite("Did-you-mean suggestions")
struct NameSuggestionTests {
    @Test("case, '_' and '-' differences win; then, when asked, a prefix; then the nearest within the budget")
    func rules() {
        #expect(NameSuggestion.closest(to: "max-entries", among: ["max_entries", "max_bytes"]) == "max_entries")
        #expect(NameSuggestion.closest(to: "warn", among: ["warning", "error"], prefixes: true) == "warning")
        #expect(NameSuggestion.closest(to: "warn", among: ["warning", "error"]) == nil, "no prefix rule unless asked")
        #expect(NameSuggestion.closest(to: "urll", among: ["url", "schema"]) == "url")
        #expect(NameSuggestion.closest(to: "ctiy", among: ["city", "country"]) == "city", "a swap is one edit")
        #expect(NameSuggestion.closest(to: "zzzzzz", among: ["city"]) == nil, "nothing close: no guess")
        #expect(NameSuggestion.closest(to: "city", among: ["city"]) == nil, "a known name needs no suggestion")
    }

    @Test("ties go to the first candidate in sorted order, whatever the order given")
    func deterministicTies() {
        #expect(NameSuggestion.closest(to: "cat", among: ["cut", "cot"]) == "cot")
        #expect(NameSuggestion.closest(to: "cat", among: ["cot", "cut"]) == "cot")
    }
}
