import RefreshAPI

/// How a creator posts: posts per week over the trend window, posts by weekday, and what the posts earn. Worked
/// out once from the posts (twenty thousand of them take a few milliseconds), then only drawn.
public struct PostingActivity: Sendable, Equatable {
    /// Posts in each week of the window, oldest first.
    public let weekly: [Int]
    /// Posts on each weekday, Monday first.
    public let byWeekday: [Int]
    /// Posts in the window, per week.
    public let perWeek: Double
    /// The share of posts marked sponsored, from 0 to 1; nil without posts.
    public let sponsoredShare: Double?
    public let medianLikes: Double?
    public let medianViews: Double?
    /// The first and last day of the window.
    public let window: ClosedRange<CalendarDate>?
    /// Posts the window holds.
    public let postCount: Int

    /// The weekday names, Monday first.
    public static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// The activity of `posts` over the days `trends` cover (else over the days the posts cover).
    public init(posts: Posts, trends: GrowthTrends?) {
        // One pass over both lists, reading fields in place: copying twenty thousand posts would cost more than
        // the rest.
        var dated: [CalendarDate] = [], likes: [Int] = [], views: [Int] = []
        var sponsored = 0
        dated.reserveCapacity(posts.video.count + posts.nonVideo.count)
        for list in [posts.video, posts.nonVideo] {
            for index in list.indices {
                if let date = list[index].postedDate { dated.append(date) }
                if let count = list[index].likes { likes.append(count) }
                if let count = list[index].views { views.append(count) }
                if list[index].sponsored { sponsored += 1 }
            }
        }
        let total = posts.video.count + posts.nonVideo.count
        let trendDays = (trends?.followers ?? []).map(\.date) + (trends?.engagement ?? []).map(\.date)
        let window: ClosedRange<CalendarDate>? =
            if let first = trendDays.min(), let last = trendDays.max() { first...last }
            else if let first = dated.min(), let last = dated.max() { first...last }
            else { nil }
        self.window = window
        var byWeekday = Array(repeating: 0, count: 7)
        var weekly: [Int] = []
        var inWindow = 0
        if let window {
            let start = window.lowerBound.daysSinceEpoch
            let days = window.upperBound.daysSinceEpoch - start + 1
            weekly = Array(repeating: 0, count: max(1, (days + 6) / 7))
            for date in dated where window.contains(date) {
                let day = date.daysSinceEpoch
                weekly[(day - start) / 7] += 1
                // 1970-01-01 was a Thursday.
                byWeekday[((day + 3) % 7 + 7) % 7] += 1
                inWindow += 1
            }
            perWeek = Double(inWindow) / (Double(days) / 7)
        } else {
            perWeek = 0
        }
        self.weekly = weekly
        self.byWeekday = byWeekday
        postCount = inWindow
        sponsoredShare = total == 0 ? nil : Double(sponsored) / Double(total)
        medianLikes = Self.median(likes)
        medianViews = Self.median(views)
    }

    /// The middle value, or the mean of the middle two (1.5 for 1 and 2: a median is not a count). Found by
    /// selection, not by sorting: twenty thousand posts' likes took a millisecond to sort.
    static func median(_ values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        var values = values
        let middle = values.count / 2
        let upper = select(middle, in: &values)
        guard values.count.isMultiple(of: 2) else { return Double(upper) }
        // Selection leaves the values below the middle before it: the lower middle value is the largest of them.
        let lower = values[..<middle].max() ?? upper
        return Double(lower) / 2 + Double(upper) / 2
    }

    /// Rearranges `values` so that position `k` holds what sorting would put there, with nothing larger before it
    /// and nothing smaller after it; returns that value. Quickselect, which sorts what is left instead if it has
    /// split many times without narrowing much, so that no order of values makes it slow.
    static func select(_ k: Int, in values: inout [Int]) -> Int {
        var (low, high) = (0, values.count - 1)
        var splitsLeft = 2 * (Int.bitWidth - values.count.leadingZeroBitCount) + 4
        while low < high {
            guard splitsLeft > 0 else {
                values[low...high].sort()
                break
            }
            splitsLeft -= 1
            let pivot = Swift.max(
                Swift.min(values[low], values[high]),
                Swift.min(Swift.max(values[low], values[high]), values[low + (high - low) / 2]))
            var (i, j) = (low, high)
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            // Now values[low...j] <= pivot, values[i...high] >= pivot, and anything between equals it.
            if k <= j {
                high = j
            } else if k >= i {
                low = i
            } else {
                break
            }
        }
        return values[k]
    }
}
