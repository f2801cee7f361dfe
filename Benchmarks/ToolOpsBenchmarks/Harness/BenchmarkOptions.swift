/// What the command line asked for.
///
/// Parsed by hand from `CommandLine.arguments`: the benchmark takes two flags and must not pull
/// a dependency into the release build it measures.
struct BenchmarkOptions {
    /// The scenarios to run, in the order given; empty for all of them.
    var scenarios: [String] = []
    /// Fewer iterations, for CI smoke runs.
    var quick = false
    /// Print the scenario names and exit.
    var list = false
    /// Print usage and exit.
    var help = false
    /// Set in the hidden worker mode `cross_process_coalesce` starts this binary in; not in the usage.
    var coalesceWorker: CoalesceWorkerOptions?
    /// Set in the hidden mode `minilm_rss` starts this binary in: the model directory to load.
    var miniLMResidentMemory: String?

    /// Why the command line could not be understood, and what to do instead.
    struct UsageError: Error, CustomStringConvertible {
        let description: String
    }

    static let usage = """
        usage: toolops-bench [--quick] [--scenario NAME]... [--list]

          --scenario NAME  run only this scenario (repeatable; default: all)
          --quick          fewer iterations, for CI smoke runs
          --list           print the scenario names and exit
          -h, --help       print this help

        Build and run in release mode: swift run -c release toolops-bench
        Prints one JSON object per scenario on stdout; progress goes to stderr.
        """

    /// Parses `arguments` (without the program name).
    init(parsing arguments: some Sequence<String>) throws(UsageError) {
        var remaining = arguments.makeIterator()
        while let argument = remaining.next() {
            switch argument {
            case "--quick":
                quick = true
            case "--list":
                list = true
            case "-h", "--help":
                help = true
            case "--coalesce-worker":
                coalesceWorker = try CoalesceWorkerOptions(parsing: &remaining)
            case "--minilm-rss":
                guard let directory = remaining.next() else {
                    throw UsageError(description: "--minilm-rss needs the model directory")
                }
                miniLMResidentMemory = directory
            case "--scenario":
                guard let name = remaining.next(), !name.hasPrefix("-") else {
                    throw UsageError(description: "--scenario needs a name, e.g. --scenario memory_hit")
                }
                scenarios.append(name)
            case let flag where flag.hasPrefix("--scenario="):
                let name = String(flag.dropFirst("--scenario=".count))
                guard !name.isEmpty else {
                    throw UsageError(description: "--scenario= needs a name, e.g. --scenario=memory_hit")
                }
                scenarios.append(name)
            default:
                throw UsageError(description: "unknown argument '\(argument)'; run with --help for the options")
            }
        }
    }
}
