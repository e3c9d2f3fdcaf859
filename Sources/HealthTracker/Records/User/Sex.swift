/// A user's `sex` field.
public enum Sex: String, Sendable, Equatable, CaseIterable {
    case female, male, other, unspecified
}
