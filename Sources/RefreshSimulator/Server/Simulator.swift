import Foundation
import Hummingbird
import Logging
import RefreshAPI
import ServiceLifecycle

/// The built-in simulator of the Data Refresh API: a real HTTP server, for the demo,
/// the tests, and anyone who wants to try the tool without a token.
public enum Simulator {
    /// Starts a simulator inside this process and returns once it accepts connections.
    public static func start(_ settings: SimulatorSettings) async throws -> RunningSimulator {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let application = makeApplication(settings) { port in continuation.yield(port) }
        let services = ServiceGroup(
            configuration: .init(services: [application], gracefulShutdownSignals: [], logger: application.logger))
        let task = Task {
            defer { continuation.finish() }
            try await services.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            _ = await task.result
            throw SimulatorSettingsError("the simulator could not start")
        }
        return RunningSimulator(baseURL: baseURL(host: settings.host, port: port), services: services, task: task)
    }

    /// Runs a simulator until SIGINT or SIGTERM; `onReady` hears its base URL once it listens.
    public static func run(_ settings: SimulatorSettings, onReady: @escaping @Sendable (URL) -> Void) async throws {
        let host = settings.host
        let application = makeApplication(settings) { port in onReady(baseURL(host: host, port: port)) }
        try await application.runService()
    }

    private static func makeApplication(_ settings: SimulatorSettings, onPort: @escaping @Sendable (Int) -> Void)
        -> some ApplicationProtocol
    {
        let router = Router()
        if let log = settings.log { router.add(middleware: RequestLogMiddleware(log: log)) }
        RefreshEndpoints(settings: settings).register(on: router)
        var logger = Logger(label: "ylytic.simulator")
        logger.logLevel = .critical
        return Application(
            router: router,
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "ylytic-simulator"),
            onServerRunning: { channel in onPort(channel.localAddress?.port ?? settings.port) },
            logger: logger)
    }

    private static func baseURL(host: String, port: Int) -> URL {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return URL(string: "http://\(shownHost):\(port)/ylytic/api/v1")!
    }
}

/// A simulator running inside this process.
public struct RunningSimulator: Sendable {
    /// The base URL to give the client, e.g. `http://127.0.0.1:54321/ylytic/api/v1`.
    public let baseURL: URL
    let services: ServiceGroup
    let task: Task<Void, any Error>

    /// Stops the server gracefully (answers under way are finished, connections closed) and waits until it has.
    public func stop() async {
        await services.triggerGracefulShutdown()
        _ = await task.result
    }
}
