import Foundation
import RefreshAPI
import Synchronization

/// One loop for every front end that follows a tracker (`watch`, a bulk refresh, the dashboard): the tracker's
/// events, the front end's own inputs (keys, a stop request, the outcome of a submission, a deadline) and ticks
/// arrive in one stream, in the order they happen, and are handled one at a time.
public final class EventRunner<Input: Sendable>: Sendable {
    /// Something to handle.
    public enum Event: Sendable {
        case tracker(TrackerEvent)
        case input(Input)
        case tick(Date)
    }

    private let events: AsyncStream<Event>
    private let sink: AsyncStream<Event>.Continuation
    private let time: any TimeSource
    private let pumps = Mutex<[Task<Void, Never>]>([])
    /// Seconds between ticks; nil: no ticks.
    private let tickInterval = Mutex<TimeInterval?>(nil)

    /// A runner of `tracker`'s events (none without one), on `time`'s clock.
    public init(tracker: RefreshTracker?, time: any TimeSource) {
        (events, sink) = AsyncStream.makeStream(of: Event.self, bufferingPolicy: .unbounded)
        self.time = time
        if let tracker {
            let sink = self.sink
            start { for await event in tracker.events { sink.yield(.tracker(event)) } }
        }
    }

    /// Handles `input` in turn, from any task.
    public func send(_ input: Input) {
        sink.yield(.input(input))
    }

    /// Handles each element of `stream` in turn, as the input `transform` makes of it (none for nil).
    public func forward<Element: Sendable>(_ stream: AsyncStream<Element>, as transform: @escaping @Sendable (Element) -> Input?) {
        let sink = self.sink
        start {
            for await element in stream {
                if let input = transform(element) { sink.yield(.input(input)) }
            }
        }
    }

    /// Handles `input` once `seconds` have passed on the runner's clock.
    public func send(_ input: Input, after seconds: TimeInterval) {
        let (sink, time) = (self.sink, self.time)
        start {
            guard (try? await time.sleep(until: time.now.addingTimeInterval(seconds))) != nil else { return }
            sink.yield(.input(input))
        }
    }

    /// Ticks every `seconds` from now on (nil: no more ticks); a runner changes its pace as what it shows does.
    public func tick(every seconds: TimeInterval?) {
        let wasTicking = tickInterval.withLock { interval in
            defer { interval = seconds }
            return interval != nil
        }
        guard seconds != nil, !wasTicking else { return }
        start { [self] in
            while let seconds = tickInterval.withLock({ $0 }), !Task.isCancelled {
                guard (try? await time.sleep(until: time.now.addingTimeInterval(seconds))) != nil else { return }
                guard tickInterval.withLock({ $0 }) != nil else { return }
                sink.yield(.tick(time.now))
            }
        }
    }

    /// Handles every event in order until `handle` says to stop (false) or nothing more can come; then stops
    /// every source.
    public func run(_ handle: (Event) async -> Bool) async {
        for await event in events {
            if await !handle(event) { break }
        }
        stop()
    }

    /// Stops every source; events still queued are dropped.
    public func stop() {
        tickInterval.withLock { $0 = nil }
        for pump in pumps.withLock({ $0 }) { pump.cancel() }
        sink.finish()
    }

    private func start(_ work: @escaping @Sendable () async -> Void) {
        let task = Task { await work() }
        pumps.withLock { $0.append(task) }
    }
}
