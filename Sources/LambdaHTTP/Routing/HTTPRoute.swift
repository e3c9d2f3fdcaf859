/// One route as data: a method, a path template such as `/api/orders/{customer_id}/{order_date}`,
/// the types of its variables, and the application's identifier for it.
public struct HTTPRoute<ID: Hashable & Sendable>: Sendable {
    public var id: ID
    public var method: HTTPMethod
    /// Trailing slash optional: `/api/users/` also matches `/api/users`, and the reverse.
    public var template: String
    /// Variables not listed here are `.string`.
    public var parameterTypes: [String: PathParameterType]
    /// Whether the route reads a JSON body (then any other Content-Type answers 415).
    public var takesJSONBody: Bool

    public init(
        _ id: ID, _ method: HTTPMethod, _ template: String,
        parameterTypes: [String: PathParameterType] = [:], takesJSONBody: Bool = false
    ) {
        self.id = id
        self.method = method
        self.template = template
        self.parameterTypes = parameterTypes
        self.takesJSONBody = takesJSONBody
    }

    /// The template's variable names, in order.
    public var variableNames: [String] {
        PathTemplate(template).segments.compactMap {
            if case .variable(let name) = $0 { name } else { nil }
        }
    }
}
