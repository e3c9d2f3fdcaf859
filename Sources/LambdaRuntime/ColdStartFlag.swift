import Synchronization

/// Whether the process has served an invocation yet, shared by its workers: only the first
/// invocation of the process paid for the init, whichever worker takes it.
public final class ColdStartFlag: Sendable {
    private let cold = Atomic<Bool>(true)

    public init() {}

    /// True for the first call only.
    public func take() -> Bool {
        cold.exchange(false, ordering: .relaxed)
    }
}
