public import RuntimeEmulator
import Synchronization

/// Every line function processes wrote, as the emulator's reader threads deliver them: to
/// check logs, and to show on failure. Pass `{ log.append($0) }` as the emulator's `onOutput`.
public final class FunctionOutputLog: Sendable {
    private let lines = Mutex<[FunctionOutputLine]>([])

    public init() {}

    public func append(_ line: FunctionOutputLine) { lines.withLock { $0.append(line) } }

    /// Every line's text, in order.
    public var texts: [String] { lines.withLock { $0.map(\.text) } }

    public func texts(instanceID: Int) -> [String] {
        lines.withLock { $0.filter { $0.instanceID == instanceID }.map(\.text) }
    }

    /// The last `count` lines of one function.
    public func last(_ count: Int, of function: String) -> [String] {
        lines.withLock { Array($0.filter { $0.function == function }.suffix(count).map(\.text)) }
    }

    /// Waits (up to 30 s) until `condition` holds for the texts: a reader thread collects
    /// them, so an invocation's outcome can arrive before the lines it wrote.
    public func wait(until condition: ([String]) -> Bool) async throws {
        for _ in 0..<3000 {
            if condition(texts) { return }
            try await Task.sleep(for: .milliseconds(10))
        }
    }
}
