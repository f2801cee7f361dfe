import Foundation
import MCP
import Testing
import ToolOpsIntegrations

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `MCPStdioTransport` over real pipes: framing, limits, end of input and a closed peer.
@Suite("MCP stdio transport", .timeLimit(.minutes(1)))
struct MCPStdioTransportTests {
    /// The strings of every message on `transport`'s stream, until it finishes.
    private func allMessages(_ transport: MCPStdioTransport) async throws -> [String] {
        var messages: [String] = []
        for try await message in await transport.receive() { messages.append(String(decoding: message, as: UTF8.self)) }
        return messages
    }

    @Test("messages split across reads arrive whole and in order")
    func splitAcrossReads() async throws {
        let pipe = PipePair()
        defer { pipe.closeReadEnd() }
        // 5-byte reads: every message spans several of them.
        let transport = MCPStdioTransport(
            input: pipe.readEnd, output: -1, configuration: .init(readChunkBytes: 5))
        try await transport.connect()
        pipe.send(#"{"id":1,"method":"ping"}"# + "\n" + #"{"id":2}"# + "\n\n" + #"{"id":3,"#)
        pipe.send(#""x":"ü"}"# + "\r\n")
        pipe.closeWriteEnd()
        let messages = try await allMessages(transport)
        #expect(messages == [#"{"id":1,"method":"ping"}"#, #"{"id":2}"#, #"{"id":3,"x":"ü"}"#])
    }

    @Test("several messages in one read are delivered separately, in order")
    func severalInOneRead() async throws {
        let pipe = PipePair()
        defer { pipe.closeReadEnd() }
        let transport = MCPStdioTransport(input: pipe.readEnd, output: -1)
        // Written before the reader starts, so its first read takes all of them at once.
        pipe.send((1...50).map { #"{"id":\#($0)}"# + "\n" }.joined())
        pipe.closeWriteEnd()
        try await transport.connect()
        let messages = try await allMessages(transport)
        #expect(messages == (1...50).map { #"{"id":\#($0)}"# })
    }

    @Test("a message larger than the pipe buffer round-trips between two transports")
    func largeMessage() async throws {
        let pipe = PipePair()
        defer { pipe.closeReadEnd() }
        let receiver = MCPStdioTransport(input: pipe.readEnd, output: -1)
        let sender = MCPStdioTransport(input: -1, output: pipe.writeEnd)
        try await receiver.connect()
        try await sender.connect()
        let payload = #"{"blob":""# + String(repeating: "abcdefghij", count: 20_000) + #""}"#
        try await sender.send(Data(payload.utf8))
        try await sender.send(Data(#"{"id":2}"#.utf8))
        await sender.disconnect()
        pipe.closeWriteEnd()
        let messages = try await allMessages(receiver)
        #expect(messages.map(\.count) == [payload.utf8.count, 8])
        #expect(messages.first == payload)
    }

    @Test("end of input finishes the stream after the last whole message; a partial line is dropped")
    func endOfInput() async throws {
        let pipe = PipePair()
        defer { pipe.closeReadEnd() }
        let transport = MCPStdioTransport(input: pipe.readEnd, output: -1)
        try await transport.connect()
        pipe.send(#"{"id":1}"# + "\n" + #"{"id":"#)
        pipe.closeWriteEnd()
        #expect(try await allMessages(transport) == [#"{"id":1}"#])
    }

    @Test(
        "an oversized message is dropped, however the reads cut it, and the next one is delivered",
        arguments: [4, 64 << 10])
    func oversizedDropped(readChunkBytes: Int) async throws {
        let pipe = PipePair()
        defer { pipe.closeReadEnd() }
        let transport = MCPStdioTransport(
            input: pipe.readEnd, output: -1, configuration: .init(maxMessageBytes: 100, readChunkBytes: readChunkBytes))
        try await transport.connect()
        let exactlyAtLimit = #"{"x":""# + String(repeating: "b", count: 92) + #""}"#
        pipe.send(#"{"id":1}"# + "\n" + String(repeating: "a", count: 1_000) + "\n" + #"{"id":2}"# + "\n")
        pipe.send(String(repeating: "c", count: 101) + "\n" + exactlyAtLimit + "\n")
        pipe.closeWriteEnd()
        #expect(try await allMessages(transport) == [#"{"id":1}"#, #"{"id":2}"#, exactlyAtLimit])
    }

    @Test("disconnect finishes the stream while the reader is still waiting for input")
    func disconnectFinishes() async throws {
        let pipe = PipePair()
        let transport = MCPStdioTransport(input: pipe.readEnd, output: -1)
        try await transport.connect()
        pipe.send(#"{"id":1}"# + "\n")
        var iterator = await transport.receive().makeAsyncIterator()
        #expect(try await iterator.next().map { String(decoding: $0, as: UTF8.self) } == #"{"id":1}"#)
        await transport.disconnect()
        #expect(try await iterator.next() == nil)
        // The reader thread ends at its next read, here end of input; only then are the fds closed.
        pipe.closeBoth()
        await #expect(throws: MCPStdioTransportError.self) { try await transport.send(Data("{}".utf8)) }
        await #expect(throws: MCPStdioTransportError.self) { try await transport.connect() }
    }

    @Test("send after the peer closed its end throws peerClosed instead of killing the process")
    func sendToClosedPeer() async throws {
        let pipe = PipePair()
        defer { pipe.closeWriteEnd() }
        let transport = MCPStdioTransport(input: -1, output: pipe.writeEnd)
        try await transport.connect()
        pipe.closeReadEnd()
        let error = await #expect(throws: MCPStdioTransportError.self) {
            try await transport.send(Data(#"{"id":1}"#.utf8))
        }
        #expect(error?.code == .peerClosed)
        #expect(error?.errno == EPIPE)
        #expect(error?.message.contains("fd \(pipe.writeEnd)") == true)
    }

    @Test("connect leaves both fds blocking (no O_NONBLOCK, no polling) and makes SIGPIPE ignored")
    func fdsStayBlocking() async throws {
        let toPeer = PipePair()
        let fromPeer = PipePair()
        let transport = MCPStdioTransport(input: fromPeer.readEnd, output: toPeer.writeEnd)
        try await transport.connect()
        #expect(fcntl(fromPeer.readEnd, F_GETFL) & O_NONBLOCK == 0)
        #expect(fcntl(toPeer.writeEnd, F_GETFL) & O_NONBLOCK == 0)
        var action = sigaction()
        #expect(sigaction(SIGPIPE, nil, &action) == 0)
        #if canImport(Glibc)
            #expect(unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self) == 1)  // SIG_IGN
        #endif
        await transport.disconnect()
        fromPeer.closeBoth()
        toPeer.closeBoth()
    }

    @Test("send before connect throws notConnected")
    func sendBeforeConnect() async throws {
        let pipe = PipePair()
        defer { pipe.closeBoth() }
        let transport = MCPStdioTransport(input: pipe.readEnd, output: pipe.writeEnd)
        let error = await #expect(throws: MCPStdioTransportError.self) { try await transport.send(Data("{}".utf8)) }
        #expect(error?.code == .notConnected)
    }

    @Test("a read error finishes the stream with readFailed")
    func readError() async throws {
        let pipe = PipePair()
        defer { pipe.closeBoth() }
        // The write end of a pipe cannot be read: read(2) fails with EBADF.
        let transport = MCPStdioTransport(input: pipe.writeEnd, output: -1)
        try await transport.connect()
        let error = await #expect(throws: MCPStdioTransportError.self) { _ = try await allMessages(transport) }
        #expect(error?.code == .readFailed)
        #expect(error?.errno == EBADF)
    }
}
