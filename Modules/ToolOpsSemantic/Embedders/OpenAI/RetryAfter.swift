import ToolOpsCore

/// Reads how long a server asked the client to wait, from a response's headers.
///
/// Accepts `retry-after-ms` (Azure OpenAI), then `Retry-After` as delta-seconds or as an
/// IMF-fixdate HTTP date (`Sun, 06 Nov 1994 08:49:37 GMT`), measured from `now`.
enum RetryAfter {
    static func delay(in response: HTTPResponse, now: Timestamp) -> Duration? {
        if let text = response.header("retry-after-ms"), let milliseconds = Double(text), milliseconds >= 0 {
            return .milliseconds(milliseconds)
        }
        guard let text = response.header("retry-after") else { return nil }
        if let seconds = Double(text), seconds >= 0 { return .milliseconds(seconds * 1000) }
        guard let date = httpDate(text) else { return nil }
        return max(.zero, now.duration(to: date))
    }

    /// An IMF-fixdate, such as `Sun, 06 Nov 1994 08:49:37 GMT`.
    static func httpDate(_ text: String) -> Timestamp? {
        let parts = text.split(separator: " ")
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard parts.count == 6, parts[5] == "GMT", let day = Int(parts[1]), let year = Int(parts[3]),
            let month = months.firstIndex(of: String(parts[2])).map({ $0 + 1 })
        else { return nil }
        let clock = parts[4].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3, (1...31).contains(day), clock[0] < 24, clock[1] < 60, clock[2] < 61 else { return nil }
        let seconds =
            daysFromCivil(year: year, month: month, day: day) * 86_400 + clock[0] * 3600 + clock[1] * 60
            + clock[2]
        return Timestamp(nanosecondsSinceEpoch: Int64(seconds) * 1_000_000_000)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
