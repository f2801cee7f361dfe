import ToolOpsCore

/// Finds tool calls written as JSON in free text.
///
/// Fenced code blocks come first: a block tagged `json` (or `tool…`), untagged, or whose content starts
/// with `{` or `[` is read strictly — each JSON value in it must be a call, or it is reported. Blocks
/// in other languages are left alone. In the prose around them, every balanced `{…}` or `[…]` is a
/// candidate: call-shaped JSON becomes calls, other JSON is data and skipped, and text that does not
/// parse is reported only when it looks like a call attempt (it has a `name`, `tool` or `function`
/// key) — braces in ordinary prose are not tool calls.
///
/// Each value goes through ``LenientJSON`` (trailing commas, single quotes, Python literals).
struct TextScanner {
    let characters: [Character]

    func scan(into items: inout ItemCollector) {
        var index = 0
        while index < characters.count {
            guard let fence = nextFence(from: index) else {
                scanSpans(index..<characters.count, strict: false, into: &items)
                return
            }
            scanSpans(index..<fence.start, strict: false, into: &items)
            let info = String(characters[fence.info]).trimmingWhitespace().lowercased()
            let content = fence.content
            let body = String(characters[content]).trimmingWhitespace()
            let isJSON =
                info.isEmpty || info.contains("json") || info.hasPrefix("tool") || body.first == "{"
                || body.first == "["
            if isJSON, !body.isEmpty {
                let before = items.items.count
                scanSpans(content, strict: true, into: &items)
                if items.items.count == before {
                    items.fail("the code block holds no JSON tool call", source: body, at: .offset(content.lowerBound))
                }
            }
            index = fence.end
        }
    }

    /// The next ```` ``` ```` block at or after `start`: its info string, content, and the index after it.
    /// An unclosed block runs to the end of the text (a response cut off mid-block).
    private func nextFence(from start: Int) -> (start: Int, info: Range<Int>, content: Range<Int>, end: Int)? {
        guard let open = firstTripleBacktick(from: start) else { return nil }
        var lineEnd = open + 3
        while lineEnd < characters.count, characters[lineEnd] != "\n" { lineEnd += 1 }
        let contentStart = min(lineEnd + 1, characters.count)
        guard let close = firstTripleBacktick(from: contentStart) else {
            return (open, (open + 3)..<lineEnd, contentStart..<characters.count, characters.count)
        }
        return (open, (open + 3)..<lineEnd, contentStart..<close, close + 3)
    }

    private func firstTripleBacktick(from start: Int) -> Int? {
        var index = start
        while index + 2 < characters.count {
            if characters[index] == "`", characters[index + 1] == "`", characters[index + 2] == "`" { return index }
            index += 1
        }
        return nil
    }

    /// Reads the JSON candidates in `range`; in `strict` mode everything that is not a call is reported.
    private func scanSpans(_ range: Range<Int>, strict: Bool, into items: inout ItemCollector) {
        var index = range.lowerBound
        while index < range.upperBound {
            guard characters[index] == "{" || characters[index] == "[" else {
                index += 1
                continue
            }
            let end = closingIndex(from: index, limit: range.upperBound)
            let text = String(characters[index..<(end ?? range.upperBound)])
            let attempt = strict || Self.looksLikeCall(text)
            guard let end else {
                if attempt {
                    items.fail(
                        "unterminated JSON: the text ends before the closing bracket", source: text, at: .offset(index))
                    return
                }
                index += 1
                continue
            }
            switch LenientJSON.parse(text) {
            case .success(let value):
                if !CallShape.collect(value, source: text, at: .offset(index), into: &items), strict {
                    items.fail(
                        "this JSON is not a tool call (expected {\"name\": …, \"arguments\": {…}})", source: text,
                        at: .offset(index))
                }
                index = end
            case .failure(let failure):
                guard attempt else {
                    // Not JSON and not a call attempt: perhaps a stray brace in prose; look inside it.
                    index += 1
                    continue
                }
                items.fail(failure.reason, source: text, at: .offset(index))
                index = end
            }
        }
    }

    /// The index after the bracket closing the one at `start`, or `nil` when `limit` comes first.
    /// Strings in either quote are skipped, so brackets inside them do not count.
    private func closingIndex(from start: Int, limit: Int) -> Int? {
        var depth = 0
        var quote: Character?
        var index = start
        while index < limit {
            let character = characters[index]
            if let open = quote {
                if character == "\\" {
                    index += 1
                } else if character == open {
                    quote = nil
                }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "{" || character == "[" {
                depth += 1
            } else if character == "}" || character == "]" {
                depth -= 1
                if depth == 0 { return index + 1 }
            }
            index += 1
        }
        return nil
    }

    /// Whether unparseable text still looks like an attempt at a call: it has a name, tool or function key.
    static func looksLikeCall(_ text: String) -> Bool {
        text.contains(/(name|tool|tool_name|function)["']?\s*:/)
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while slice.first?.isWhitespace == true { slice.removeFirst() }
        while slice.last?.isWhitespace == true { slice.removeLast() }
        return String(slice)
    }
}
