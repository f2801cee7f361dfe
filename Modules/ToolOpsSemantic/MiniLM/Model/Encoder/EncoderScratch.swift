/// The working buffers of one encoder pass, allocated once per pass and freed after it.
struct EncoderScratch {
    let tokens: Int
    let hidden: UnsafeMutablePointer<Float>
    let query: UnsafeMutablePointer<Float>
    let key: UnsafeMutablePointer<Float>
    let value: UnsafeMutablePointer<Float>
    let context: UnsafeMutablePointer<Float>
    let intermediate: UnsafeMutablePointer<Float>
    let scores: UnsafeMutablePointer<Float>

    init(tokens: Int, hidden width: Int, intermediate intermediateWidth: Int, longest: Int) {
        self.tokens = tokens
        func buffer(_ count: Int) -> UnsafeMutablePointer<Float> {
            let pointer = UnsafeMutablePointer<Float>.allocate(capacity: max(count, 1))
            pointer.initialize(repeating: 0, count: max(count, 1))
            return pointer
        }
        hidden = buffer(tokens * width)
        query = buffer(tokens * width)
        key = buffer(tokens * width)
        value = buffer(tokens * width)
        context = buffer(tokens * width)
        intermediate = buffer(tokens * intermediateWidth)
        scores = buffer(longest * longest)
    }

    func deallocate() {
        for pointer in [hidden, query, key, value, context, intermediate, scores] { pointer.deallocate() }
    }
}
