import ArgumentParser
import Foundation
import Presentation
import RefreshAPI
import RefreshStore
import RefreshTracking

/// Where the API is and how to authenticate.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .long, help: "The API's base URL (default: YLYTIC_BASE_URL, else https://dashboard.ylytic.com/ylytic/api/v1).")
    var baseURL: String?

    @Option(
        name: .long,
        help: "A file holding the API token (mode 600). Default: YLYTIC_TOKEN, else $XDG_CONFIG_HOME/ylytic/token (~/.config/ylytic/token).")
    var tokenFile: String?

    /// A client for the configured API. Warns on stderr about a token near expiry.
    func client(_ context: CommandContext) throws(CommandFailure) -> RefreshClient {
        let baseURL: URL
        let token: APIToken
        do {
            baseURL = try BaseURL.resolve(flag: self.baseURL, environment: context.environment)
            let loader = TokenLoader(environment: context.environment)
            guard let found = try loader.load(tokenFile: tokenFile) else {
                throw CommandFailure(RefreshClientError.tokenMissing(tokenFile: loader.configFile.path))
            }
            token = found.token
        } catch let error as CommandFailure {
            throw error
        } catch let error as ConfigurationError {
            throw CommandFailure(message: error.message, status: error.meansNoToken ? .tokenProblem : .invalidInput)
        } catch {
            throw CommandFailure(message: "\(error)", status: .invalidInput)
        }
        if !baseURL.path.hasSuffix("/ylytic/api/v1") {
            context.stderr.line(
                "ylytic: warning: the base URL's path is '\(baseURL.path)'; the API lives under /ylytic/api/v1, so "
                    + "requests may not be found")
        }
        if let warning = TokenExpiry.warning(for: token, now: context.time.now) {
            context.stderr.line("ylytic: warning: \(warning)")
        }
        return RefreshClient(
            baseURL: baseURL, token: token, transport: context.transport, time: context.time, random: context.random)
    }
}

/// A command's failure: what to print and how to exit.
struct CommandFailure: Error {
    let message: String
    let status: ExitStatus

    init(message: String, status: ExitStatus) {
        self.message = message
        self.status = status
    }

    init(_ error: RefreshClientError) {
        self.init(message: error.description, status: ExitStatus(error))
    }

    /// A failure of the tracker: the API's error as it is, the store's with the store named.
    init(_ error: TrackingError, store: any TrackingStore) {
        switch error {
        case .client(let error): self.init(error)
        case .store(let problem): self.init(message: "the store \(store.location) failed: \(problem)", status: .invalidInput)
        case .noClient: self.init(message: error.description, status: .tokenProblem)
        case .withdrawn: self.init(message: error.description, status: .interrupted)
        case .overBudget(let budget, _):
            self.init(
                message: error.description + "; the next \(budget.period.rawValue) starts "
                    + "\(Timestamp.text(budget.nextPeriodStart(after: Date()))) (ylytic budget shows it), and --force sends beyond it",
                status: .overBudget)
        }
    }
}
