@testable import HealthTracker
import TestTags
import Testing

/// `AUTH_MODE` and `IDEMPOTENCY_KEY`: unset is the safe default, case does not matter, and any
/// other word fails init rather than falling back.
@Suite(.tags(.pure))
struct EnvironmentChoiceTests {
    @Test("unset or empty gives the default")
    func defaults() throws {
        #expect(try AuthMode(environment: [:]) == .jwt)
        #expect(try AuthMode(environment: ["AUTH_MODE": ""]) == .jwt)
        #expect(try IdempotencyKeyPolicy(environment: [:]) == .optional)
        #expect(try IdempotencyKeyPolicy(environment: ["IDEMPOTENCY_KEY": ""]) == .optional)
    }

    @Test("a known word in any case")
    func known() throws {
        #expect(try AuthMode(environment: ["AUTH_MODE": "None"]) == AuthMode.none)
        #expect(try IdempotencyKeyPolicy(environment: ["IDEMPOTENCY_KEY": "REQUIRED"]) == .required)
    }

    @Test("any other word is a configuration error naming the variable and the words it takes")
    func unknown() {
        #expect {
            _ = try IdempotencyKeyPolicy(environment: ["IDEMPOTENCY_KEY": "requird"])
        } throws: { error in
            guard let error = error as? FunctionError else { return false }
            return error.code == .invalidConfiguration
                && error.message == "IDEMPOTENCY_KEY must be optional or required, not requird"
        }
        #expect(throws: FunctionError.self) { _ = try AuthMode(environment: ["AUTH_MODE": "off"]) }
    }
}
