/// One JSON array on one line, as `toolops embed` prints it: no spaces, numbers as Swift writes them.
enum JSONArrayLine {
    /// `[101,1037,102]`.
    static func ids(_ ids: [Int32]) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }

    /// `[0.065392,-0.0575652,1e-05]`: each float in its shortest form that reads back to the same
    /// `Float`.
    ///
    /// - Throws: ``CommandError`` for an infinity or NaN, which JSON cannot write.
    static func floats(_ values: [Float]) throws -> String {
        guard values.allSatisfy(\.isFinite) else {
            throw CommandError("the model produced a non-finite value (infinity or NaN) in an embedding")
        }
        return "[" + values.map { "\($0)" }.joined(separator: ",") + "]"
    }
}
