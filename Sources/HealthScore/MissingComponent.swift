/// A component left out of the score, with the reason.
public struct MissingComponent: Sendable, Hashable {
    public let component: ComponentName
    public let reason: MissingReason

    public init(component: ComponentName, reason: MissingReason) {
        self.component = component
        self.reason = reason
    }
}
