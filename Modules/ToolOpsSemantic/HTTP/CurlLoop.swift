import CCurl

/// The loop on a client's own thread: starts queued transfers, drives the multi handle, waits in
/// `curl_multi_poll` and hands finished responses back to the waiting tasks.
///
/// Created on that thread and never shared, so it needs no locks of its own; tasks reach it only
/// through ``CurlMulti``'s inbox and `curl_multi_wakeup`.
final class CurlLoop {
    private let multi: CurlMulti
    private var transfers: [UInt64: CurlTransfer] = [:]
    private var idsByHandle: [UnsafeMutableRawPointer: UInt64] = [:]

    init(multi: CurlMulti) {
        self.multi = multi
    }

    /// Runs until the client shuts down.
    func run() {
        while true {
            let work = multi.takeWork()
            for submission in work.submissions { start(submission) }
            for id in work.cancellations {
                finish(id, .failure(HTTPClientError(.cancelled, "the request was cancelled")))
            }
            if work.isShutDown {
                for id in Array(transfers.keys) {
                    finish(id, .failure(HTTPClientError(.shutDown, "the HTTP client was shut down")))
                }
                return
            }
            var running: Int32 = 0
            curl_multi_perform(multi.raw, &running)
            collectFinished()
            // Returns early when a transfer needs attention, when libcurl's own timers (such as a
            // transfer's timeout) are due, or when another thread calls curl_multi_wakeup.
            curl_multi_poll(multi.raw, nil, 0, 1000, nil)
        }
    }

    private func start(_ submission: CurlMulti.Submission) {
        let transfer: CurlTransfer
        do {
            transfer = try CurlTransfer(submission)
        } catch {
            return submission.continuation.resume(returning: .failure(error))
        }
        let code = curl_multi_add_handle(multi.raw, transfer.easy)
        guard code == CURLM_OK else {
            let message = String(cString: curl_multi_strerror(code))
            return transfer.continuation.resume(returning: .failure(HTTPClientError(.transport, message)))
        }
        transfers[transfer.id] = transfer
        idsByHandle[transfer.easy] = transfer.id
    }

    private func collectFinished() {
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(multi.raw, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                let id = idsByHandle[easy], let transfer = transfers[id]
            else { continue }
            finish(id, transfer.result(message.pointee.data.result))
        }
    }

    /// Removes transfer `id` from the multi handle and resumes its task; ignores unknown ids (a
    /// cancellation that arrived after the transfer finished).
    private func finish(_ id: UInt64, _ result: Result<HTTPResponse, HTTPClientError>) {
        guard let transfer = transfers.removeValue(forKey: id) else { return }
        idsByHandle[transfer.easy] = nil
        curl_multi_remove_handle(multi.raw, transfer.easy)
        transfer.continuation.resume(returning: result)
    }
}
