/// A setting that is one of a few words in an environment variable. Unset or empty means the
/// default; any other word is a configuration error (an init error), so a typo can never
/// switch a safeguard off.
protocol EnvironmentChoice: RawRepresentable<String>, CaseIterable {
    static var variable: String { get }
    static var unset: Self { get }
}

extension EnvironmentChoice {
    init(environment: [String: String]) throws(FunctionError) {
        guard let text = environment[Self.variable], !text.isEmpty else {
            self = Self.unset
            return
        }
        guard let choice = Self(rawValue: text.lowercased()) else {
            let words = Self.allCases.map(\.rawValue).joined(separator: " or ")
            throw FunctionError(code: .invalidConfiguration, message: "\(Self.variable) must be \(words), not \(text)")
        }
        self = choice
    }
}
