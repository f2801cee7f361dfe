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

if options.help {
    print(BenchmarkOptions.usage)
    exit(0)
}
if options.list {
    for scenario in Scenario.all { print(scenario.name) }
    exit(0)
}

let unknown = options.scenarios.filter { name in !Scenario.all.contains { $0.name == name } }
guard unknown.isEmpty else {
    let known = Scenario.all.map(\.name).joined(separator: ", ")
    Progress.note("unknown scenario(s) \(unknown.joined(separator: ", ")); choose among: \(known)")
    exit(64)
}
let selected = options.scenarios.isEmpty ? Scenario.all : Scenario.all.filter { options.scenarios.contains($0.name) }

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
