public import FoundationEssentials
public import UTCTime

/// One typed path parameter.
public enum PathParameterValue: Sendable, Hashable {
    case string(String)
    case uuid(UUID)
    case date(CalendarDate)
    case instant(Instant)
}

/// The typed path parameters of a matched route, by template variable name.
public struct PathParameters: Sendable, Equatable {
    public var values: [String: PathParameterValue]

    public init(_ values: [String: PathParameterValue] = [:]) {
        self.values = values
    }

    public subscript(name: String) -> PathParameterValue? { values[name] }

    public func uuid(_ name: String) -> UUID? {
        if case .uuid(let value)? = values[name] { value } else { nil }
    }

    public func date(_ name: String) -> CalendarDate? {
        if case .date(let value)? = values[name] { value } else { nil }
    }

    public func instant(_ name: String) -> Instant? {
        if case .instant(let value)? = values[name] { value } else { nil }
    }

    public func string(_ name: String) -> String? {
        if case .string(let value)? = values[name] { value } else { nil }
    }
}
