/// How hard a run pushes: full figures, or a quick smoke run.
struct Workload: Sendable {
    /// Whether this is a `--quick` run.
    let quick: Bool

    /// `full` iterations normally, `quick` under `--quick`.
    func iterations(full: Int, quick: Int) -> Int {
        self.quick ? quick : full
    }
}
