extension Doctor {
    /// The report as a table: one line per check, then a verdict.
    func table(_ report: DoctorReport) -> String {
        var table = TextTable(columns: [
            .init("STATUS"), .init("CHECK"), .init("DETAIL"), .init("TIME", rightAligned: true),
        ])
        for check in report.checks {
            table.add([
                check.status.rawValue, check.name, check.detail,
                Format.duration(.milliseconds(Int64((check.durationSeconds * 1000).rounded()))),
            ])
        }
        let failures = report.checks.filter { $0.status == .fail }.count
        let warnings = report.checks.filter { $0.status == .warn }.count
        let verdict =
            failures > 0
            ? "unhealthy: \(failures) failed, \(warnings) warnings"
            : warnings > 0 ? "healthy, with \(warnings) warnings" : "healthy"
        return table.rendered + "\n" + verdict
    }
}
