/// Basic checks of the string formats generated schemas use.
///
/// These are deliberately shallow — the shape of the text, and ranges of date fields — enough to
/// tell a model "that is not a date" before the tool's decoder says it less clearly.
enum StringFormat {
    /// Whether `text` is a valid `format`, or `nil` for a format not checked here.
    static func check(_ text: String, format: String) -> Bool? {
        switch format {
        case "date-time": isDateTime(text)
        case "date": isDate(Substring(text))
        case "uri": isURI(text)
        case "email": isEmail(text)
        case "uuid": isUUID(text)
        default: nil
        }
    }

    /// RFC 3339: `2024-05-01T12:30:00Z`, `2024-05-01T12:30:00.5+02:00` (a space or lower-case `t` also accepted).
    static func isDateTime(_ text: String) -> Bool {
        let parts = text.split(maxSplits: 1, whereSeparator: { $0 == "T" || $0 == "t" || $0 == " " })
        guard parts.count == 2, isDate(parts[0]) else { return false }
        let time = parts[1]
        guard let match = time.wholeMatch(of: /(\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})/) else {
            return false
        }
        guard let hour = Int(match.1), let minute = Int(match.2), let second = Int(match.3) else { return false }
        return hour < 24 && minute < 60 && second <= 60
    }

    /// RFC 3339 full-date: `2024-05-01`.
    static func isDate(_ text: Substring) -> Bool {
        guard let match = text.wholeMatch(of: /(\d{4})-(\d{2})-(\d{2})/),
            let month = Int(match.2), let day = Int(match.3)
        else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }

    /// An absolute URI: a scheme, a colon, and something after it, without spaces.
    static func isURI(_ text: String) -> Bool {
        text.wholeMatch(of: /[A-Za-z][A-Za-z0-9+.\-]*:[^\s]+/) != nil
    }

    /// Something `@` something-with-a-dot, without spaces.
    static func isEmail(_ text: String) -> Bool {
        text.wholeMatch(of: /[^\s@]+@[^\s@]+\.[^\s@]+/) != nil
    }

    /// Eight-four-four-four-twelve hexadecimal digits.
    static func isUUID(_ text: String) -> Bool {
        text.wholeMatch(of: /[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}/) != nil
    }
}
