/// How long the runtime keeps asking for `next` when the Runtime API does not answer.
///
/// On Lambda the API only goes away when the sandbox is being torn down, so a short,
/// bounded retry rides out a hiccup and then lets the process exit.
public struct RuntimeRetryPolicy: Sendable {
    public var initialDelayMilliseconds: Int
    public var maximumDelayMilliseconds: Int
    /// Total waiting, across retries, before giving up.
    public var budgetMilliseconds: Int

    public init(initialDelayMilliseconds: Int = 5, maximumDelayMilliseconds: Int = 500, budgetMilliseconds: Int = 5_000) {
        self.initialDelayMilliseconds = initialDelayMilliseconds
        self.maximumDelayMilliseconds = maximumDelayMilliseconds
        self.budgetMilliseconds = budgetMilliseconds
    }

    /// The delays to sleep between attempts, doubling up to the cap, within the budget.
    public var delays: [Int] {
        var result: [Int] = []
        var delay = max(1, initialDelayMilliseconds)
        var total = 0
        while total + delay <= budgetMilliseconds {
            result.append(delay)
            total += delay
            delay = min(delay * 2, maximumDelayMilliseconds)
        }
        if total < budgetMilliseconds { result.append(budgetMilliseconds - total) }
        return result
    }
}
