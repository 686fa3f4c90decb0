import Foundation
import Presentation
import RefreshAPI
import RefreshTracking
import TextGrid

/// The question a bulk refresh asks on a terminal before it sends more than `confirm_above` refreshes (20 unless
/// the config file says), with its price: how many new requests, how many joined as fresh or under way. `--yes`, or
/// no terminal to ask on (a script, cron), sends without asking.
struct BatchConsent {
    let targets: [RefreshTarget]
    let join: JoinPolicy
    /// `--yes`: send without asking.
    let yes: Bool
    let context: CommandContext

    /// How to join, as answered: `join` for yes, only what is under way for "force the fresh ones too"; nil when
    /// the answer was no (nothing is sent).
    func ask(store: any TrackingStore) async throws(CommandFailure) -> JoinPolicy? {
        let threshold = LoadedConfig(environment: context.environment).reading.settings.confirmAbove
        guard !yes, context.stdinIsTerminal, Set(targets).count > threshold else { return join }
        let price: BulkPrice
        do {
            price = BulkPrice.of(targets, requests: try await store.requests(in: nil), join: join, now: context.time.now)
        } catch {
            throw CommandFailure(message: "the store failed: \(error)", status: .invalidInput)
        }
        context.stderr.write(Self.question(price))
        let answer = (await context.readLine() ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        switch answer {
        case "y", "yes": return join
        case "f" where price.fresh > 0, "force" where price.fresh > 0: return .underWayOrFresh(freshFor: 0)
        default:
            context.stderr.line("Sent nothing.")
            return nil
        }
    }

    /// `Refresh 10,000 creators? 9,873 new requests; 127 fresh ones joined. [y]es, [f]orce the fresh ones too, [N]o: `
    static func question(_ price: BulkPrice) -> String {
        var joined: [String] = []
        if price.fresh > 0 { joined.append("\(NumberFormat.grouped(price.fresh)) fresh ones") }
        if price.underWay > 0 { joined.append("\(NumberFormat.grouped(price.underWay)) under way") }
        let choices = price.fresh > 0 ? "[y]es, [f]orce the fresh ones too, [N]o" : "[y]es, [N]o"
        return "Refresh \(NumberFormat.grouped(price.total)) creators? \(NumberFormat.grouped(price.new)) new requests"
            + (joined.isEmpty ? "" : "; \(joined.joined(separator: ", ")) joined") + ". \(choices): "
    }
}
