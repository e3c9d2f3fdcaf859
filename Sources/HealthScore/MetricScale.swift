/// A metric's piecewise-linear score and its category labels (spec §4).
struct MetricScale: Sendable {
    let anchors: [(x: Rational, y: Rational)]
    /// Checked in order; the first admitting bound names the category, the last name
    /// (bound nil) covers the rest. Empty for SBP/DBP, whose category is the component's.
    let categories: [(name: String, bound: CategoryBound?)]

    /// y₀ for x ≤ x₀, yₙ for x ≥ xₙ, else linear between the enclosing anchors.
    func score(_ x: Rational) -> Rational {
        guard let first = anchors.first, let last = anchors.last else { return .zero }
        if !(first.x < x) { return first.y }
        if !(x < last.x) { return last.y }
        for (low, high) in zip(anchors, anchors.dropFirst()) where x < high.x {
            let span = high.x - low.x
            // span > 0: anchors are strictly increasing (checked by tests).
            return low.y + ((high.y - low.y) * (x - low.x) / span ?? .zero)
        }
        return last.y
    }

    /// Labels the exact value; never changes the score.
    func category(_ x: Rational) -> String? {
        for (name, bound) in categories {
            guard let bound else { return name }
            if bound.admits(x) { return name }
        }
        return nil
    }
}
