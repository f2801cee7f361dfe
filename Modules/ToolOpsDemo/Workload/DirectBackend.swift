/// The baseline: every agent call goes straight to the upstream, and a failure is a failed call.
struct DirectBackend: DemoBackend {
    let upstreams: SimulatedUpstreams

    func perform(_ call: PlannedCall) async -> Bool {
        do {
            switch call.tool {
            case .weather: _ = try await upstreams.weather(CityQuery(city: call.argument))
            case .search: _ = try await upstreams.searchDocs(DocsQuery(query: call.argument))
            case .stock: _ = try await upstreams.stockPrice(SymbolQuery(symbol: call.argument))
            case .ticket: _ = try await upstreams.createTicket(TicketRequest(title: call.argument))
            }
            return true
        } catch {
            return false
        }
    }
}
