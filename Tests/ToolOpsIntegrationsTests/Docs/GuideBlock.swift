import Foundation

/// One fenced ```` ```json ```` block of a guide, with the HTML comment that marks it.
///
/// The guides mark blocks on the line right before the fence:
/// - `<!-- generated: FORMAT TOOL -->`: the export of `TOOL` (or `all`: `exportAll`) in `FORMAT`,
///   named as `toolops-example-server --export` names formats (`openai-chat`, `gemini`, …);
/// - `<!-- example: CALLFORMAT response -->`: a model's response, written by hand (the input);
///   `<!-- generated: CALLFORMAT messages -->`: what `ToolExecutor.respond(to:format:)` answers to the
///   last such response above it (`CALLFORMAT` is `openai-chat`, `openai-responses` or `anthropic`);
/// - `<!-- generated: mcp tools/list result -->`: the `result` of `tools/list` from `MCPToolServer`;
/// - `<!-- example: mcp tools/call -->`: a `tools/call` request's `params` (the input);
///   `<!-- generated: mcp tools/call result -->`: the `result` `MCPToolServer` answers to it.
struct GuideBlock {
    /// What the marker says: `generated` or `example`, then its words.
    let kind: String
    let words: [String]
    /// The block's text, between the fences.
    let json: String
    /// The guide's file name and the marker's line number, for messages.
    let location: String

    /// Every marked block in `text`; a marker not followed by a ```` ```json ```` fence is reported
    /// as a block whose `json` is empty.
    static func blocks(in text: String, file: String) -> [GuideBlock] {
        let lines = text.components(separatedBy: "\n")
        var found: [GuideBlock] = []
        for (index, line) in lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("<!-- "), trimmed.hasSuffix(" -->") else { continue }
            let inner = trimmed.dropFirst(5).dropLast(4)
            guard let colon = inner.firstIndex(of: ":") else { continue }
            let kind = String(inner[..<colon])
            guard kind == "generated" || kind == "example" else { continue }
            let words = inner[inner.index(after: colon)...].split(separator: " ").map(String.init)
            var body: [String] = []
            if index + 1 < lines.count, lines[index + 1].trimmingCharacters(in: .whitespaces) == "```json" {
                for next in lines[(index + 2)...] {
                    if next.trimmingCharacters(in: .whitespaces) == "```" { break }
                    body.append(next)
                }
            }
            found.append(
                GuideBlock(
                    kind: kind, words: words, json: body.joined(separator: "\n"), location: "\(file):\(index + 1)"))
        }
        return found
    }
}
