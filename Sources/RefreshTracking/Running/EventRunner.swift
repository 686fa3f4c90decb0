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
    /// The tasks that feed the stream, and whether the runner has stopped (no task starts after).
    private let pumps = Mutex<(tasks: [Task<Void, Never>], isStopped: Bool)>(([], false))
    /// Seconds between ticks (nil: none), and which ticker is the current one.
    private let ticks = Mutex<(interval: TimeInterval?, generation: Int)>((nil, 0))

    /// A runner of `tracker`'s events (none without one), on `time`'s clock.
    public init(tracker: RefreshTracker?, time: any TimeSource) {
        (events, sink) = AsyncStream.makeStream(of: Event.self, bufferingPolicy: .unbounded)
        self.time = time
        if let tracker {
            let sink = self.sink
            // When the tracker stops, nothing more can come.
            start {
                for await event in tracker.events { sink.yield(.tracker(event)) }
                sink.finish()
            }
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
        let (wasTicking, generation) = ticks.withLock { ticks in
            let wasTicking = ticks.interval != nil
            ticks.interval = seconds
            if seconds != nil, !wasTicking { ticks.generation += 1 }
            return (wasTicking, ticks.generation)
        }
        guard seconds != nil, !wasTicking else { return }
        // One ticker at a time: one started before, still asleep, ends when it wakes to a newer generation.
        start { [self] in
            while !Task.isCancelled {
                guard let seconds = ticks.withLock({ $0.generation == generation ? $0.interval : nil }) else { return }
                guard (try? await time.sleep(until: time.now.addingTimeInterval(seconds))) != nil else { return }
                guard ticks.withLock({ $0.generation == generation && $0.interval != nil }) else { return }
                sink.yield(.tick(time.now))
            }
        }
    }

    /// Handles every event in order until `handle` says to stop (false) or nothing more can come (the tracker
    /// stopped, or ``stop()``). The sources keep running until ``stop()``, so that a front end winding down after
    /// the loop (releasing its leases, say) still hears a second Ctrl-C as a request, not a kill.
    public func run(_ handle: (Event) async -> Bool) async {
        for await event in events {
            if await !handle(event) { return }
        }
    }

    /// Stops every source; events still queued are dropped.
    public func stop() {
        ticks.withLock { $0.interval = nil }
        let tasks = pumps.withLock { pumps in
            pumps.isStopped = true
            return pumps.tasks
        }
        for task in tasks { task.cancel() }
        sink.finish()
    }

    private func start(_ work: @escaping @Sendable () async -> Void) {
        pumps.withLock { pumps in
            guard !pumps.isStopped else { return }
            pumps.tasks.append(Task { await work() })
        }
    }
}
