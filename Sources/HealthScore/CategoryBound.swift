/// The upper edge of a category label in spec §4 (`name <a`, `name ≤a`, `name (=a)`).
enum CategoryBound: Sendable {
    case equal(Rational)
    case lessThan(Rational)
    case atMost(Rational)

    func admits(_ value: Rational) -> Bool {
        switch self {
        case .equal(let bound): value == bound
        case .lessThan(let bound): value < bound
        case .atMost(let bound): !(bound < value)
        }
    }
}
