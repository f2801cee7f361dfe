import CCurl
import ToolOpsCore

/// One request in flight: its easy handle, header list and error buffer, and the response as it
/// arrives.
///
/// Lives on the loop thread only, from ``CurlLoop`` adding it to the multi handle until the
/// transfer completes, fails or is cancelled; libcurl's callbacks reach it through an unretained
/// pointer while the loop holds it.
final class CurlTransfer {
    let id: UInt64
    let easy: UnsafeMutableRawPointer
    let continuation: CurlMulti.Continuation
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private let maximumResponseBytes: Int
    private var headers: [HTTPHeader] = []
    private var body: [UInt8] = []
    private var isTooLarge = false

    /// Prepares the easy handle for `submission`; throws when libcurl rejects an option.
    init(_ submission: CurlMulti.Submission) throws(HTTPClientError) {
        guard let easy = curl_easy_init() else { throw HTTPClientError(.transport, "curl_easy_init failed") }
        id = submission.id
        self.easy = easy
        continuation = submission.continuation
        maximumResponseBytes = submission.request.maximumResponseBytes
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        try configure(submission.request)
    }

    deinit {
        curl_easy_cleanup(easy)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    /// The outcome once libcurl reports the transfer done with `code`.
    func result(_ code: CURLcode) -> Result<HTTPResponse, HTTPClientError> {
        if isTooLarge {
            return .failure(HTTPClientError(.responseTooLarge, "the response exceeded \(maximumResponseBytes) bytes"))
        }
        guard code == CURLE_OK else {
            return .failure(HTTPClientError(curlCode: code, detail: String(cString: errorBuffer)))
        }
        var status = 0
        _ = toolops_curl_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
        return .success(HTTPResponse(status: status, headers: headers, body: body))
    }

    private func configure(_ request: HTTPRequest) throws(HTTPClientError) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        let timeout = max(1, request.timeout.nanoseconds / 1_000_000)
        for name in ["Expect:"] + request.headers.map({ "\($0.name): \($0.value)" }) {
            headerList = curl_slist_append(headerList, name)
        }
        var codes = [
            toolops_curl_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer),
            toolops_curl_easy_setopt_string(easy, CURLOPT_URL, request.url),
            toolops_curl_easy_setopt_string(easy, CURLOPT_CUSTOMREQUEST, request.method),
            toolops_curl_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, headerList),
            toolops_curl_easy_setopt_long(easy, CURLOPT_TIMEOUT_MS, Int(timeout)),
            // Signals cannot be used for timeouts in a multithreaded process.
            toolops_curl_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1),
            toolops_curl_easy_setopt_string(easy, CURLOPT_ACCEPT_ENCODING, ""),
            toolops_curl_easy_setopt_write_function(
                easy,
                { data, size, count, context in
                    Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue().receiveBody(data, size * count)
                }),
            toolops_curl_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, context),
            toolops_curl_easy_setopt_header_function(
                easy,
                { data, size, count, context in
                    Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue().receiveHeader(data, size * count)
                }),
            toolops_curl_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, context),
        ]
        if !request.body.isEmpty {
            codes.append(toolops_curl_easy_setopt_long(easy, CURLOPT_POSTFIELDSIZE, request.body.count))
            codes.append(
                request.body.withUnsafeBytes { bytes in
                    // COPYPOSTFIELDS copies the body, so it need not outlive this call.
                    toolops_curl_easy_setopt_pointer(
                        easy, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress))
                })
        }
        if let failed = codes.first(where: { $0 != CURLE_OK }) {
            throw HTTPClientError(curlCode: failed, detail: String(cString: errorBuffer))
        }
    }

    private func receiveBody(_ data: UnsafeMutablePointer<CChar>?, _ count: Int) -> Int {
        guard body.count + count <= maximumResponseBytes else {
            isTooLarge = true
            return 0  // makes libcurl abort the transfer with CURLE_WRITE_ERROR
        }
        if let data, count > 0 {
            body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: count))
        }
        return count
    }

    private func receiveHeader(_ data: UnsafeMutablePointer<CChar>?, _ count: Int) -> Int {
        guard let data else { return count }
        let line = String(decoding: UnsafeRawBufferPointer(start: data, count: count), as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            headers = []  // a new response begins (after a 100 Continue or a redirect)
        } else if let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].trimmingWhitespace().lowercased()
            let value = line[line.index(after: colon)...].trimmingWhitespace()
            headers.append(HTTPHeader(name, value))
        }
        return count
    }
}
