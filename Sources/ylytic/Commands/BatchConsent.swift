import Foundation
import Presentation
import RefreshAPI
import RefreshTracking
import TextGrid

/// What a bulk refresh settles with the person before it sends anything. Targets whose earlier POST had an unknown
/// outcome are said (sending them again may make a second refresh) and, with `--skip-unknown`, left alone. Above
/// `confirm_above` refreshes (20 unless the config file says) a terminal is asked, with the price: how many new
/// requests, how many joined as fresh or under way. `--yes`, or no terminal to ask on (a script, cron), sends
/// without asking.
struct BatchConsent {
    /// What is to be sent, as settled.
    struct Plan {
        let targets: [RefreshTarget]
        let join: JoinPolicy
        /// The targets sent although an earlier POST of theirs had an unknown outcome.
        let sentAgainAfterUnknown: Set<RefreshTarget>
    }

    let targets: [RefreshTarget]
    let join: JoinPolicy
    /// `--yes`: send without asking.
    let yes: Bool
    /// `--skip-unknown`: leave alone the targets whose earlier POST had an unknown outcome.
    let skipUnknown: Bool
    let context: CommandContext

    /// The plan as settled: the targets (less those left alone), and how to join (`join` for yes, only what is
    /// under way for "force the fresh ones too"); nil when the answer was no (nothing is sent).
    func settle(store: any TrackingStore) async throws(CommandFailure) -> Plan? {
        let requests: [TrackedRequest]
        do {
            requests = try await store.requests(in: nil)
        } catch {
            throw CommandFailure(message: "the store failed: \(error)", status: .invalidInput)
        }
        let unknown = BulkPrice.unknownOutcomes(of: targets, requests: requests)
        var chosen = targets
        if !unknown.isEmpty {
            let count = NumberFormat.grouped(unknown.count)
            if skipUnknown {
                chosen.removeAll(where: unknown.contains)
                context.stderr.line(
                    "Left alone: \(count) whose earlier POST's outcome is unknown (ylytic list --state unknown shows them).")
            } else {
                context.stderr.line(
                    "\(count) of them were sent before with the outcome unknown: a new POST for each may make a second "
                        + "refresh (--skip-unknown leaves them alone).")
            }
        }
        let plan = Plan(targets: chosen, join: join, sentAgainAfterUnknown: skipUnknown ? [] : unknown)
        let threshold = LoadedConfig(environment: context.environment).reading.settings.confirmAbove
        guard !yes, context.stdinIsTerminal, Set(chosen).count > threshold else { return plan }
        let price = BulkPrice.of(chosen, requests: requests, join: join, now: context.time.now)
        context.stderr.write(Self.question(price))
        let answer = (await context.readLine() ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        switch answer {
        case "y", "yes": return plan
        case "f" where price.fresh > 0, "force" where price.fresh > 0:
            return Plan(targets: chosen, join: .underWayOrFresh(freshFor: 0), sentAgainAfterUnknown: plan.sentAgainAfterUnknown)
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
