import Foundation

/// Follows many refresh requests at once until each ends, and reports what it
/// sees on ``updates``.
///
/// Each request is first polled ``MonitorConfiguration/firstPollDelay`` after its
/// submission, or, once three requests followed here have ended, after the shortest time one of the last sixteen
/// took (so that a batch submitted one after another is mostly polled once each, as its answers come), then at
/// intervals growing by ``MonitorConfiguration/intervalGrowth``
/// up to ``MonitorConfiguration/maxInterval``, each varied by ±``MonitorConfiguration/jitter``.
/// At most ``MonitorConfiguration/maxInFlight`` polls run at once and at most
/// ``MonitorConfiguration/maxPollsPerSecond`` start in any second. A 429 pauses
/// all polling until its `Retry-After`. A poll that fails for a reason that may pass
/// (the network, 5xx, a body cut short) is tried again on the growing schedule, for as
/// long as it takes; only an answer that cannot change (an unknown id, a refused token)
/// ends the following.
///
/// The monitor does no work while nothing is due: it sleeps until the next due poll.
public actor RefreshMonitor {
    private struct Followed {
        let submittedAt: Date
        var interval: TimeInterval
        var failures = 0
        var isStale = false
        var generation: UInt64
        /// When its next poll is due.
        var due: Date
    }

    /// Everything the monitor sees, in order. Ends when ``stop()`` is called.
    public nonisolated let updates: AsyncStream<MonitorUpdate>

    private let continuation: AsyncStream<MonitorUpdate>.Continuation
    private let poller: any RefreshPoller
    private let configuration: MonitorConfiguration
    private let time: any TimeSource
    private let random: any RandomSource

    private var followed: [RequestID: Followed] = [:]
    private var queue = PollQueue()
    private var rateWindow: RateWindow
    /// Polls under way. A poll may answer before its task is stored, so the two are kept apart.
    private var inFlight: Set<RequestID> = []
    private var pollTasks: [RequestID: Task<Void, Never>] = [:]
    private var isPumping = false
    private var pumpAgain = false
    private var nextGeneration: UInt64 = 0
    private var isPaused = false
    private var rateLimitedUntil: Date?
    private var timer: (deadline: Date, task: Task<Void, Never>)?
    private var isStopped = false
    /// How long the latest requests that ended took from their submission to the poll that saw the end, at most
    /// sixteen, oldest first.
    private var recentDurations: [TimeInterval] = []

    public init(
        poller: any RefreshPoller, configuration: MonitorConfiguration = MonitorConfiguration(),
        time: any TimeSource = SystemTimeSource(), random: any RandomSource = SystemRandomSource()
    ) {
        self.poller = poller
        self.configuration = configuration
        self.time = time
        self.random = random
        rateWindow = RateWindow(limit: configuration.maxPollsPerSecond)
        (updates, continuation) = AsyncStream.makeStream(bufferingPolicy: .unbounded)
    }

    /// Starts following `id`, submitted at `submittedAt` (now when `nil`). A request
    /// submitted long ago (resumed after a restart) is polled as soon as the bounds allow.
    /// Following an id already followed changes nothing.
    public func follow(_ id: RequestID, submittedAt: Date? = nil) {
        guard !isStopped, followed[id] == nil else { return }
        let now = time.now
        let submitted = submittedAt ?? now
        nextGeneration += 1
        let due = max(now, submitted.addingTimeInterval(firstPollDelay))
        followed[id] = Followed(
            submittedAt: submitted, interval: configuration.firstPollDelay, generation: nextGeneration, due: due)
        queue.insert(.init(due: due, id: id, generation: nextGeneration))
        pump()
    }

    /// Stops following `id`; a poll under way is let finish but not reported.
    public func unfollow(_ id: RequestID) {
        followed[id] = nil
        pump()
    }

    /// Pauses or resumes all polling (the dashboard's live-updates switch).
    public func setPaused(_ paused: Bool) {
        isPaused = paused
        pump()
    }

    /// The requests being followed.
    public var followedIDs: Set<RequestID> { Set(followed.keys) }

    /// How many polls are under way.
    public var pollsInFlight: Int { inFlight.count }

    /// Stops all polling and ends ``updates``.
    public func stop() {
        isStopped = true
        timer?.task.cancel()
        timer = nil
        for task in pollTasks.values { task.cancel() }
        pollTasks.removeAll()
        inFlight.removeAll()
        followed.removeAll()
        continuation.finish()
    }

    /// Starts every poll that is due and allowed, then sleeps until the next one can start.
    /// A poll that answers at once re-enters here; that call only asks for another pass.
    private func pump() {
        guard !isPumping else {
            pumpAgain = true
            return
        }
        isPumping = true
        defer { isPumping = false }
        repeat {
            pumpAgain = false
            pumpOnce()
        } while pumpAgain && !isStopped
    }

    private func pumpOnce() {
        guard !isStopped else { return }
        let now = time.now
        guard !isPaused else { return cancelTimer() }
        if let until = rateLimitedUntil {
            guard until <= now else { return arm(until) }
            rateLimitedUntil = nil
        }
        while inFlight.count < configuration.maxInFlight, let next = queue.first {
            guard let entry = followed[next.id], entry.generation == next.generation, !inFlight.contains(next.id) else {
                queue.removeFirst()
                continue
            }
            guard next.due <= now else { return arm(next.due) }
            let slot = rateWindow.nextSlot(now: now)
            guard slot <= now else { return arm(slot) }
            queue.removeFirst()
            start(next.id, generation: next.generation, at: now)
        }
        cancelTimer()
    }

    private func start(_ id: RequestID, generation: UInt64, at now: Date) {
        rateWindow.record(now)
        inFlight.insert(id)
        let poller = self.poller
        let task = Task.immediate {
            let result: Result<FetchedRecord, RefreshClientError>
            do throws(RefreshClientError) {
                result = .success(try await poller.poll(id))
            } catch {
                result = .failure(error)
            }
            self.complete(id, generation: generation, result: result)
        }
        if inFlight.contains(id) { pollTasks[id] = task }
    }

    private func complete(_ id: RequestID, generation: UInt64, result: Result<FetchedRecord, RefreshClientError>) {
        guard !isStopped else { return }
        inFlight.remove(id)
        pollTasks[id] = nil
        defer { pump() }
        guard var entry = followed[id], entry.generation == generation else { return }
        let now = time.now
        switch result {
        case .success(let fetched) where fetched.record.state.hasEnded:
            followed[id] = nil
            if !entry.isStale {
                let before = firstPollDelay
                recentDurations.append(now.timeIntervalSince(entry.submittedAt))
                if recentDurations.count > 16 { recentDurations.removeFirst() }
                if firstPollDelay > before { postponePrematurePolls(now: now) }
            }
            continuation.yield(.finished(id, fetched.record, body: fetched.body))
            return
        case .success(let fetched):
            entry.failures = 0
            let becameStale = !entry.isStale && now.timeIntervalSince(entry.submittedAt) >= configuration.staleAfter
            if becameStale { entry.isStale = true }
            let due = schedule(id, &entry, generation: generation, now: now)
            continuation.yield(.polled(id, fetched.record, nextPollAt: due))
            if becameStale { continuation.yield(.stale(id)) }
        case .failure(.rateLimited(let retryAfter)):
            let until = now.addingTimeInterval(retryAfter ?? configuration.defaultRateLimitPause)
            rateLimitedUntil = max(rateLimitedUntil ?? until, until)
            continuation.yield(.rateLimited(until: until))
            entry.due = until
            followed[id] = entry
            queue.insert(.init(due: until, id: id, generation: generation))
        case .failure(let error) where error.isPermanent:
            followed[id] = nil
            continuation.yield(.gaveUp(id, error))
        case .failure(let error):
            entry.failures += 1
            let due = schedule(id, &entry, generation: generation, now: now)
            continuation.yield(.pollFailed(id, error, consecutiveFailures: entry.failures, nextPollAt: due))
        }
    }

    /// Sets the next interval (the slowest pace once stale) and queues the next poll; returns when it is due.
    private func schedule(_ id: RequestID, _ entry: inout Followed, generation: UInt64, now: Date) -> Date {
        entry.interval = entry.isStale ? configuration.maxInterval : nextInterval(after: entry.interval)
        let due = now.addingTimeInterval(jittered(entry.interval))
        entry.due = due
        followed[id] = entry
        queue.insert(.init(due: due, id: id, generation: generation))
        return due
    }

    /// The wait before a new request's first poll: the configured one, or once three requests have ended, the
    /// shortest time one of them took (never less than the configured wait, never more than the longest interval).
    private var firstPollDelay: TimeInterval {
        guard recentDurations.count >= 3, let shortest = recentDurations.min() else { return configuration.firstPollDelay }
        return min(max(configuration.firstPollDelay, shortest), configuration.maxInterval)
    }

    /// Once the wait before a first poll has grown, the polls already queued for requests younger than it would
    /// find them pending: each is put off until the request is that old (those under way are left).
    private func postponePrematurePolls(now: Date) {
        let delay = firstPollDelay
        for (id, var entry) in followed where !entry.isStale && !inFlight.contains(id) {
            let ready = entry.submittedAt.addingTimeInterval(delay)
            guard entry.due < ready, ready > now else { continue }
            nextGeneration += 1
            entry.generation = nextGeneration
            entry.due = ready
            followed[id] = entry
            queue.insert(.init(due: ready, id: id, generation: nextGeneration))
        }
    }

    private func nextInterval(after interval: TimeInterval) -> TimeInterval {
        min(configuration.maxInterval, interval * configuration.intervalGrowth)
    }

    private func jittered(_ interval: TimeInterval) -> TimeInterval {
        interval * (1 + configuration.jitter * (2 * random.unit() - 1))
    }

    /// Makes sure the monitor wakes at `deadline`, replacing a wake-up set for another time.
    private func arm(_ deadline: Date) {
        if let timer, timer.deadline == deadline { return }
        timer?.task.cancel()
        let time = self.time
        timer = (
            deadline,
            Task { [weak self] in
                do { try await time.sleep(until: deadline) } catch { return }
                await self?.timerFired(deadline)
            }
        )
    }

    private func timerFired(_ deadline: Date) {
        guard timer?.deadline == deadline else { return }
        timer = nil
        pump()
    }

    private func cancelTimer() {
        timer?.task.cancel()
        timer = nil
    }
}
