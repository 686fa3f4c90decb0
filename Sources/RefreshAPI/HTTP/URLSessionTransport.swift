import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The real transport, on Foundation's URLSession, with an idle timeout, a total
/// timeout and a cap on the size of a response body.
public final class URLSessionTransport: HTTPTransport, Sendable {
    /// How long to wait.
    public struct Timeouts: Sendable {
        /// Longest silence while connecting or between two pieces of the answer.
        public var idle: TimeInterval
        /// Longest time for a whole exchange.
        public var total: TimeInterval

        public init(idle: TimeInterval = 20, total: TimeInterval = 60) {
            self.idle = idle
            self.total = total
        }
    }

    /// Made by the first request, so that commands which send none (`open`, `show --file`, `list`) do not start
    /// the HTTP and TLS libraries.
    private let session = Mutex<URLSession?>(nil)
    private let collector: ResponseCollector
    private let timeouts: Timeouts

    /// A transport refusing bodies over `maxResponseBytes` (32 MB by default).
    public init(timeouts: Timeouts = Timeouts(), maxResponseBytes: Int = 32 * 1_048_576) {
        collector = ResponseCollector(limit: maxResponseBytes)
        self.timeouts = timeouts
    }

    deinit {
        session.withLock { $0?.invalidateAndCancel() }
    }

    private func openSession() -> URLSession {
        session.withLock { session in
            if let session { return session }
            let configuration = URLSessionConfiguration.ephemeral
            configuration.timeoutIntervalForRequest = timeouts.idle
            configuration.timeoutIntervalForResource = timeouts.total
            configuration.httpCookieStorage = nil
            configuration.urlCache = nil
            configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
            let opened = URLSession(configuration: configuration, delegate: collector, delegateQueue: nil)
            session = opened
            return opened
        }
    }

    public func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.httpBody = request.body
        urlRequest.timeoutInterval = timeouts.idle
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }

        let task = openSession().dataTask(with: urlRequest)
        let total = timeouts.total
        let result: Result<HTTPResponse, TransportError> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                collector.register(task, continuation: continuation)
                task.resume()
                collector.startDeadline(for: task, after: total)
            }
        } onCancel: {
            task.cancel()
        }
        return try result.get()
    }
}

/// Gathers the bodies of the session's tasks, enforcing the size cap and the total timeout.
private final class ResponseCollector: NSObject, URLSessionDataDelegate, Sendable {
    private struct Exchange {
        var continuation: CheckedContinuation<Result<HTTPResponse, TransportError>, Never>
        var body = Data()
        var response: HTTPURLResponse?
        var failure: TransportError?
    }

    private let limit: Int
    private let exchanges = Mutex<[Int: Exchange]>([:])

    init(limit: Int) {
        self.limit = limit
    }

    func register(_ task: URLSessionTask, continuation: CheckedContinuation<Result<HTTPResponse, TransportError>, Never>) {
        exchanges.withLock { $0[task.taskIdentifier] = Exchange(continuation: continuation) }
    }

    func startDeadline(for task: URLSessionTask, after seconds: TimeInterval) {
        let identifier = task.taskIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [weak task] in
            let stillRunning = self.exchanges.withLock { exchanges -> Bool in
                guard exchanges[identifier] != nil else { return false }
                exchanges[identifier]?.failure = .interrupted("no complete answer within \(Int(seconds)) s")
                return true
            }
            if stillRunning { task?.cancel() }
        }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        let tooLarge = exchanges.withLock { exchanges -> Bool in
            exchanges[dataTask.taskIdentifier]?.response = response as? HTTPURLResponse
            if response.expectedContentLength > Int64(limit) {
                exchanges[dataTask.taskIdentifier]?.failure = .responseTooLarge(limit: limit)
                return true
            }
            return false
        }
        completionHandler(tooLarge ? .cancel : .allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let tooLarge = exchanges.withLock { exchanges -> Bool in
            guard var exchange = exchanges[dataTask.taskIdentifier], exchange.failure == nil else { return false }
            if exchange.body.count + data.count > limit {
                exchange.failure = .responseTooLarge(limit: limit)
                exchange.body = Data()
                exchanges[dataTask.taskIdentifier] = exchange
                return true
            }
            exchanges[dataTask.taskIdentifier] = nil
            exchange.body.append(data)
            exchanges[dataTask.taskIdentifier] = exchange
            return false
        }
        if tooLarge { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let exchange = exchanges.withLock({ $0.removeValue(forKey: task.taskIdentifier) }) else { return }
        let response = exchange.response ?? task.response as? HTTPURLResponse
        if let failure = exchange.failure {
            exchange.continuation.resume(returning: .failure(failure))
        } else if let error {
            exchange.continuation.resume(returning: .failure(Self.classify(error)))
        } else if let response {
            var headers: [String: String] = [:]
            for (name, value) in response.allHeaderFields {
                if let name = name as? String, let value = value as? String { headers[name] = value }
            }
            exchange.continuation.resume(
                returning: .success(HTTPResponse(status: response.statusCode, headers: headers, body: exchange.body)))
        } else {
            exchange.continuation.resume(returning: .failure(.interrupted("the server sent no HTTP answer")))
        }
    }

    /// Sorts URLSession errors into "never sent" and "may have arrived".
    private static func classify(_ error: any Error) -> TransportError {
        let nsError = error as NSError
        let reason = nsError.localizedDescription
        guard nsError.domain == NSURLErrorDomain else { return .interrupted(reason) }
        switch nsError.code {
        case NSURLErrorCannotFindHost, NSURLErrorCannotConnectToHost, NSURLErrorDNSLookupFailed,
            NSURLErrorNotConnectedToInternet, NSURLErrorBadURL, NSURLErrorUnsupportedURL,
            NSURLErrorSecureConnectionFailed, NSURLErrorServerCertificateUntrusted,
            NSURLErrorServerCertificateHasBadDate, NSURLErrorServerCertificateNotYetValid,
            NSURLErrorServerCertificateHasUnknownRoot, NSURLErrorAppTransportSecurityRequiresSecureConnection:
            return .notSent(reason)
        case NSURLErrorTimedOut:
            return .interrupted("timed out")
        case NSURLErrorNetworkConnectionLost:
            return .interrupted("the connection was lost")
        case NSURLErrorCancelled:
            return .interrupted("cancelled")
        default:
            return .interrupted(reason)
        }
    }
}
