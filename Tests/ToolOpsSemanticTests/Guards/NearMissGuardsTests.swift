import Testing
import ToolOpsSemantic

@Suite("Near-miss guards")
struct NearMissGuardsTests {
    let guards = NearMissGuards()

    func rejection(
        _ a: String, _ b: String, _ configuration: NearMissGuards.Configuration = .init()
    )
        -> NearMissGuards.Rejection?
    {
        NearMissGuards(configuration: configuration).rejection(TextSignature(a), TextSignature(b))
    }

    @Test("invoice 442 never answers invoice 443, but #442 answers 442")
    func identifiers() {
        #expect(rejection("status of invoice #442?", "is invoice 443 paid?") == .identifiers)
        #expect(rejection("status of invoice #442?", "status of invoice 442") == nil)
        #expect(rejection("order 0042", "order 42") == nil)
        #expect(rejection("weather on 2024-05-01", "weather on 2024-05-02") == .identifiers)
        #expect(rejection("price of model X2", "price of model X3") == .identifiers)
        #expect(rejection("price of the lamp", "price of the lamp 2") == .identifiers)
        // Decimals, dates and codes are one identifier each, compared in order.
        #expect(rejection("total of 4.05 euros", "total of 4.5 euros") == .identifiers)
        #expect(rejection("total of 4.5 euros", "total of 5.4 euros") == .identifiers)
        let tolerant = NearMissGuards.Configuration(maxReorderedFraction: 1)
        #expect(rejection("flights on 2024-05-06", "flights on 2024-06-05", tolerant) == .identifiers)
        #expect(rejection("status of ticket INV-442?", "the status of ticket inv-442") == nil)
    }

    @Test("negation must match")
    func negation() {
        #expect(rejection("is the invoice paid", "is the invoice not paid") == .negation)
        #expect(rejection("is the invoice paid", "the invoice isn't paid?") == .negation)
        #expect(rejection("orders without discount", "orders with discount") == .negation)
        #expect(rejection("never fails", "doesn't ever fail") == nil)  // one negation each
    }

    @Test("the shared words must come in the same order")
    func wordOrder() {
        #expect(rejection("flights from New York to Florida", "flights from Florida to New York") == .wordOrder)
        #expect(rejection("flights from New York to Florida", "flights from new york to florida please") == nil)
        // A tolerance lets a small share of swapped pairs through.
        let tolerant = NearMissGuards.Configuration(maxReorderedFraction: 0.5)
        #expect(rejection("red lamp price today", "lamp red price today", tolerant) == nil)
    }

    @Test("each rule can be turned off")
    func rulesCanBeOff() {
        #expect(rejection("invoice 442", "invoice 443", .init(identifiers: false)) == nil)
        #expect(rejection("is it paid", "is it not paid", .init(negation: false)) == nil)
        #expect(rejection("from Paris to Rome", "from Rome to Paris", .init(wordOrder: false)) == nil)
        #expect(rejection("from Paris to Rome 1", "not from Rome to Paris 2", .none) == nil)
    }

    @Test("a signature keeps identifiers, negations and content words")
    func signature() {
        let signature = TextSignature("Why isn't order #0042 shipped to Zürich?")
        #expect(signature.identifiers == ["42"])
        #expect(TextSignature("refund 4.05 on 2024-05-06, ref A7-b2.").identifiers == ["4.05", "2024-05-06", "a7-b2"])
        #expect(signature.negations == 1)
        #expect(signature.contentWords == ["why", "order", "0042", "shipped", "zürich"])
    }
}
