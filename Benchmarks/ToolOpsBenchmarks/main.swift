#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// toolops-bench: measures the ToolOps pipeline; one JSON line per scenario on stdout.

let options: BenchmarkOptions
do {
    options = try BenchmarkOptions(parsing: CommandLine.arguments.dropFirst())
} catch {
    Progress.note(error.description)
    exit(64)
}

if let worker = options.coalesceWorker {
    exit(await CoalesceWorker.run(worker))
}
if let directory = options.miniLMResidentMemory {
    exit(await MiniLMResidentMemoryScenario.child(directory: directory))
}
if options.help {
    print(BenchmarkOptions.usage)
    exit(0)
}
if options.list {
    for scenario in Scenario.all { print(scenario.name) }
    for scenario in Scenario.diagnostics { print("\(scenario.name) (diagnostic, not in the default run)") }
    exit(0)
}

let unknown = options.scenarios.filter { Scenario.named($0) == nil }
guard unknown.isEmpty else {
    let known = (Scenario.all + Scenario.diagnostics).map(\.name).joined(separator: ", ")
    Progress.note("unknown scenario(s) \(unknown.joined(separator: ", ")); choose among: \(known)")
    exit(64)
}
// In the order given, each once.
var selected: [Scenario] = []
for name in options.scenarios where !selected.contains(where: { $0.name == name }) {
    if let scenario = Scenario.named(name) { selected.append(scenario) }
}
if selected.isEmpty { selected = Scenario.all }

#if DEBUG
    Progress.note("WARNING: debug build; figures mean nothing. Run: swift run -c release toolops-bench")
#endif

let workload = Workload(quick: options.quick)
let suiteStart = MonotonicClock.now()
var failures = 0
for scenario in selected {
    Progress.note("running \(scenario.name)\(options.quick ? " (quick)" : "")")
    let start = MonotonicClock.now()
    do {
        for result in try await scenario.run(workload) {
            Progress.emit(result)
        }
    } catch {
        failures += 1
        Progress.note("\(scenario.name) failed: \(error)")
    }
    Progress.note("\(scenario.name) took \(MonotonicClock.elapsed(since: start) / 1_000_000) ms")
}
Progress.note("suite took \(MonotonicClock.elapsed(since: suiteStart) / 1_000_000) ms")
exit(failures == 0 ? 0 : 1)
