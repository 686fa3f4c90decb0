import ArgumentParser
import RefreshAPI
import RefreshStore
import TextGrid

/// `ylytic forget ID`: stop tracking a request.
struct ForgetCommand: YlyticCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Remove a request from the local store.",
        discussion: """
            ID is a request id, or #N for a submission the server never answered (as ylytic list shows it). \
            The response and the creator's history are kept unless --purge is given.
            """)

    @Argument(help: "The request id, or #N.")
    var id: String

    @Flag(name: .long, help: "Also delete the response and the creator snapshots it made.")
    var purge = false

    @OptionGroup var storage: StoreOptions

    func execute(_ context: CommandContext) async throws(CommandFailure) -> ExitStatus {
        let store = try await storage.open(context)
        do {
            let forgotten: Bool
            if id.hasPrefix("#"), let local = Int64(id.dropFirst()) {
                // #N names only what list shows as #N: a submission the server never answered.
                if let named = try await store.request(localID: local), let requestID = named.requestID {
                    return context.fail(
                        CommandFailure(
                            message: "\(id) is not a submission without an answer; it is request "
                                + "\(SafeText.sanitize(requestID)): ylytic forget \(SafeText.sanitize(requestID))",
                            status: .invalidInput))
                }
                forgotten = try await store.forget(localID: local)
            } else {
                forgotten = try await store.forget(RequestID(typed: id), purge: purge)
            }
            guard forgotten else {
                return context.fail(
                    CommandFailure(message: "no request '\(SafeText.sanitize(id))' in the store", status: .invalidInput))
            }
            context.stderr.line("Forgot \(SafeText.sanitize(id))\(purge ? ", with its response and history" : "").")
            return .succeeded
        } catch {
            return context.fail(CommandFailure(message: "the store failed: \(error)", status: .invalidInput))
        }
    }
}
