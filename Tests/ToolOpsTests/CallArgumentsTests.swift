import Logging
import Synchronization
import Testing
import ToolOps
import ToolOpsTesting

@Suite("Arguments on events")
struct CallArgumentsTests {
    struct Login: Codable, Sendable {
        var user: String
        var password: String
    }

    /// Records events, and asks for arguments when told to.
    final class ArgumentsObserver: ToolObserver {
        let argumentNeeds: ArgumentNeeds
        private let events = Mutex<[ToolEvent]>([])

        init(argumentNeeds: ArgumentNeeds) {
            self.argumentNeeds = argumentNeeds
        }

        func observe(_ event: ToolEvent) {
            events.withLock { $0.append(event) }
        }

        var recorded: [ToolEvent] { events.withLock { $0 } }
    }

    @Test("an observer that asks for arguments gets them, masked, on the start and end events only")
    func startAndEndCarryArguments() async throws {
        let observer = ArgumentsObserver(argumentNeeds: .all)
        let runtime = ToolRuntime(environment: ToolEnvironment(observer: observer), stores: .standard())
        let login = try runtime.readonly("login") { (input: Login) in input.user.count }
        _ = try await login(Login(user: "ada", password: "correct horse"))

        let withArguments = observer.recorded.filter { $0.arguments != nil }.map(\.kind.name)
        #expect(withArguments == ["started", "succeeded"])
        let arguments = try #require(observer.recorded.first?.arguments)
        #expect(arguments.names == ["password", "user"])
        #expect(arguments.masked == ["password": "***", "user": "ada"])
        #expect(!arguments.hashed.description.contains("correct horse"), "the key form holds a hash, not the secret")
    }

    @Test("an observer that does not ask gets no arguments, and MultiplexObserver asks for what its members do")
    func onlyWhenAsked() async throws {
        let quiet = ArgumentsObserver(argumentNeeds: [])
        let runtime = ToolRuntime(environment: ToolEnvironment(observer: quiet), stores: .standard())
        let login = try runtime.readonly("login") { (input: Login) in input.user.count }
        _ = try await login(Login(user: "ada", password: "correct horse"))
        #expect(!quiet.recorded.isEmpty)
        #expect(quiet.recorded.allSatisfy { $0.arguments == nil })

        let failuresOnly = ArgumentsObserver(argumentNeeds: .failure)
        let starts = ArgumentsObserver(argumentNeeds: .start)
        #expect(MultiplexObserver([quiet, failuresOnly, starts]).argumentNeeds == [.start, .failure])
        #expect(MultiplexObserver([quiet, NoOpObserver()]).argumentNeeds.isEmpty)
    }
}

extension CallArgumentsTests {
    @Test("asking for failures only: a success carries none, a failure carries them")
    func failuresOnly() async throws {
        let observer = ArgumentsObserver(argumentNeeds: .failure)
        let runtime = ToolRuntime(environment: ToolEnvironment(observer: observer), stores: .standard())
        let login = try runtime.readonly("login", options: ReadOnlyOptions(cache: .disabled, retries: 0)) {
            (input: Login) -> Int in
            if input.user == "mallory" { throw ToolError.upstream("denied", retryable: false) }
            return input.user.count
        }
        _ = try await login(Login(user: "ada", password: "correct horse"))
        _ = try? await login(Login(user: "mallory", password: "hunter22"))
        let withArguments = observer.recorded.filter { $0.arguments != nil }.map(\.kind.name)
        #expect(withArguments == ["failed"])
    }

    @Test("a logger at warning asks for failures only; at info for both ends")
    func loggerNeeds() {
        let warning = ToolLoggingObserver(
            logger: {
                var logger = Logger(label: "toolops")
                logger.logLevel = .warning
                return logger
            }())
        #expect(warning.argumentNeeds == .failure)
        let info = ToolLoggingObserver(
            logger: {
                var logger = Logger(label: "toolops")
                logger.logLevel = .info
                return logger
            }())
        #expect(info.argumentNeeds == [.success, .failure])
    }
}
