import Foundation
import Hummingbird

/// Writes one line per request: method, path, status and duration. Headers (and so
/// the token) are never written.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let log: @Sendable (String) -> Void

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            write(request, status: response.status.code, since: start)
            return response
        } catch let error as any HTTPResponseError {
            write(request, status: error.status.code, since: start)
            throw error
        }
    }

    private func write(_ request: Request, status: Int, since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        let path = String(request.uri.path.unicodeScalars.filter { $0.value >= 0x20 && $0.value < 0x7F }.prefix(200))
        log("\(request.method.rawValue) \(path) \(status) \(String(format: "%.1f", milliseconds)) ms")
    }
}
