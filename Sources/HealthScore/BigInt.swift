/// A signed integer of any size, for `Rational`.
///
/// Fixed-width numerators overflow on realistic data: the mean sleep efficiency of 7 nights
/// whose time in bed is timed to the second already needs a denominator of ~10^35, before
/// it is combined with the other components. Magnitudes here stay at a few hundred bits,
/// so schoolbook algorithms are fast enough.
// The operations are kept out of line: Swift 6.3.1's release optimiser crashes
// (CopyPropagation, "Found outside of lifetime use") when it inlines the enum storage
// switches into the score engine. They are cheap calls next to the arithmetic itself.
struct BigInt: Sendable, Hashable, Comparable {
    /// Values that fit an `Int64` (nearly all of them) stay inline with native arithmetic;
    /// only larger ones pay for heap limbs. Canonical, so synthesised equality is exact.
    private enum Storage: Sendable, Hashable {
        case small(Int64)
        /// Sign and little-endian 64-bit limbs (no high zero limbs), only outside `Int64`.
        case large(negative: Bool, limbs: [UInt64])
    }

    private let storage: Storage

    static let zero = BigInt(0)
    static let one = BigInt(1)

    private init(negative: Bool, limbs: [UInt64]) {
        var trimmed = limbs
        while trimmed.last == 0 { trimmed.removeLast() }
        switch trimmed.count {
        case 0:
            storage = .small(0)
        case 1 where !negative && trimmed[0] <= UInt64(Int64.max):
            storage = .small(Int64(trimmed[0]))
        case 1 where negative && trimmed[0] <= UInt64(Int64.max) + 1:
            storage = .small(Int64(truncatingIfNeeded: 0 &- trimmed[0]))
        default:
            storage = .large(negative: negative, limbs: trimmed)
        }
    }

    init(_ value: Int) {
        storage = .small(Int64(value))
    }

    init(magnitude: UInt64) {
        self.init(negative: false, limbs: [magnitude])
    }

    var isZero: Bool { storage == .small(0) }

    @inline(never)
    var isNegative: Bool {
        switch storage {
        case .small(let value): value < 0
        case .large(let negative, _): negative
        }
    }

    /// Sign and magnitude limbs, for the general algorithms.
    @inline(never)
    private var parts: (negative: Bool, limbs: [UInt64]) {
        switch storage {
        case .small(let value): (value < 0, value == 0 ? [] : [value.magnitude])
        case .large(let negative, let limbs): (negative, limbs)
        }
    }

    @inline(never)
    var magnitudeValue: BigInt { isNegative ? -self : self }

    /// The value as an `Int`, or nil when it does not fit.
    @inline(never)
    var intValue: Int? {
        if case .small(let value) = storage { return Int(exactly: value) }
        return nil
    }

    @inline(never)
    static prefix func - (value: BigInt) -> BigInt {
        if case .small(let v) = value.storage, v != .min { return BigInt(small: -v) }
        let (negative, limbs) = value.parts
        return BigInt(negative: !negative, limbs: limbs)
    }

    private init(small: Int64) {
        storage = .small(small)
    }

    @inline(never)
    static func + (lhs: BigInt, rhs: BigInt) -> BigInt {
        if case .small(let a) = lhs.storage, case .small(let b) = rhs.storage {
            let (sum, overflow) = a.addingReportingOverflow(b)
            if !overflow { return BigInt(small: sum) }
        }
        let (ln, l) = lhs.parts
        let (rn, r) = rhs.parts
        if ln == rn {
            return BigInt(negative: ln, limbs: addMagnitudes(l, r))
        }
        switch compareMagnitudes(l, r) {
        case 0: return .zero
        case 1: return BigInt(negative: ln, limbs: subtractMagnitudes(l, r))
        default: return BigInt(negative: rn, limbs: subtractMagnitudes(r, l))
        }
    }

    @inline(never)
    static func - (lhs: BigInt, rhs: BigInt) -> BigInt { lhs + (-rhs) }

    @inline(never)
    static func * (lhs: BigInt, rhs: BigInt) -> BigInt {
        if case .small(let a) = lhs.storage, case .small(let b) = rhs.storage {
            let (product, overflow) = a.multipliedReportingOverflow(by: b)
            if !overflow { return BigInt(small: product) }
        }
        let (ln, l) = lhs.parts
        let (rn, r) = rhs.parts
        return BigInt(negative: ln != rn, limbs: multiplyMagnitudes(l, r))
    }

    /// Truncating division (quotient rounded toward zero; remainder has the dividend's sign).
    /// Nil for a zero divisor.
    @inline(never)
    func quotientAndRemainder(dividingBy divisor: BigInt) -> (quotient: BigInt, remainder: BigInt)? {
        guard !divisor.isZero else { return nil }
        if case .small(let a) = storage, case .small(let b) = divisor.storage, !(a == .min && b == -1) {
            return (BigInt(small: a / b), BigInt(small: a % b))
        }
        let (n, l) = parts
        let (dn, r) = divisor.parts
        let (q, rem) = BigInt.divideMagnitudes(l, r)
        return (BigInt(negative: n != dn, limbs: q), BigInt(negative: n, limbs: rem))
    }

    /// Greatest common divisor of the magnitudes (Euclid); gcd(0, 0) = 0.
    @inline(never)
    static func gcd(_ a: BigInt, _ b: BigInt) -> BigInt {
        func wordGCD(_ x: UInt64, _ y: UInt64) -> BigInt {
            var (p, q) = (x, y)
            while q != 0 { (p, q) = (q, p % q) }
            return BigInt(magnitude: p)
        }
        if case .small(let x) = a.storage, case .small(let y) = b.storage {
            return wordGCD(x.magnitude, y.magnitude)
        }
        var x = a.parts.limbs
        var y = b.parts.limbs
        while !y.isEmpty {
            if x.count == 1, y.count == 1 { return wordGCD(x[0], y[0]) }
            let r = divideMagnitudes(x, y).remainder
            x = y
            y = r
        }
        return BigInt(negative: false, limbs: x)
    }

    @inline(never)
    static func < (lhs: BigInt, rhs: BigInt) -> Bool {
        if case .small(let a) = lhs.storage, case .small(let b) = rhs.storage { return a < b }
        let (ln, l) = lhs.parts
        let (rn, r) = rhs.parts
        if ln != rn { return ln }
        let c = compareMagnitudes(l, r)
        return ln ? c > 0 : c < 0
    }

    /// Decimal digits, with `-` when negative.
    var decimalText: String {
        if case .small(let value) = storage { return String(value) }
        let (negative, limbs) = parts
        var chunks: [UInt64] = []
        var rest = limbs
        let base: UInt64 = 10_000_000_000_000_000_000
        while !rest.isEmpty {
            let (q, r) = BigInt.divideMagnitudes(rest, [base])
            chunks.append(r.first ?? 0)
            rest = q
        }
        var text = negative ? "-" : ""
        text += String(chunks.last ?? 0)
        for chunk in chunks.dropLast().reversed() {
            let digits = String(chunk)
            text += String(repeating: "0", count: 19 - digits.count) + digits
        }
        return text
    }

    // MARK: - Magnitudes

    private static func compareMagnitudes(_ a: [UInt64], _ b: [UInt64]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        for i in stride(from: a.count - 1, through: 0, by: -1) where a[i] != b[i] {
            return a[i] < b[i] ? -1 : 1
        }
        return 0
    }

    private static func addMagnitudes(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        let (long, short) = a.count >= b.count ? (a, b) : (b, a)
        var result = [UInt64]()
        result.reserveCapacity(long.count + 1)
        var carry: UInt64 = 0
        for i in 0..<long.count {
            let (s1, o1) = long[i].addingReportingOverflow(i < short.count ? short[i] : 0)
            let (s2, o2) = s1.addingReportingOverflow(carry)
            result.append(s2)
            carry = (o1 ? 1 : 0) + (o2 ? 1 : 0)
        }
        if carry != 0 { result.append(carry) }
        return result
    }

    /// a − b for a ≥ b.
    private static func subtractMagnitudes(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        var result = [UInt64]()
        result.reserveCapacity(a.count)
        var borrow: UInt64 = 0
        for i in 0..<a.count {
            let (d1, o1) = a[i].subtractingReportingOverflow(i < b.count ? b[i] : 0)
            let (d2, o2) = d1.subtractingReportingOverflow(borrow)
            result.append(d2)
            borrow = (o1 ? 1 : 0) + (o2 ? 1 : 0)
        }
        while result.last == 0 { result.removeLast() }
        return result
    }

    private static func multiplyMagnitudes(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        if a.isEmpty || b.isEmpty { return [] }
        var result = [UInt64](repeating: 0, count: a.count + b.count)
        for i in 0..<a.count {
            var carry: UInt64 = 0
            for j in 0..<b.count {
                let (high, low) = a[i].multipliedFullWidth(by: b[j])
                let (s1, o1) = result[i + j].addingReportingOverflow(low)
                let (s2, o2) = s1.addingReportingOverflow(carry)
                result[i + j] = s2
                // high ≤ 2^64 − 2, so adding two carry bits cannot overflow.
                carry = high &+ (o1 ? 1 : 0) &+ (o2 ? 1 : 0)
            }
            result[i + b.count] = carry
        }
        while result.last == 0 { result.removeLast() }
        return result
    }

    /// Long division of magnitudes; `b` must be non-zero.
    private static func divideMagnitudes(_ a: [UInt64], _ b: [UInt64]) -> (quotient: [UInt64], remainder: [UInt64]) {
        if compareMagnitudes(a, b) < 0 { return ([], a) }
        if b.count == 1 {
            let divisor = b[0]
            var quotient = [UInt64](repeating: 0, count: a.count)
            var remainder: UInt64 = 0
            for i in stride(from: a.count - 1, through: 0, by: -1) {
                let (q, r) = divisor.dividingFullWidth((high: remainder, low: a[i]))
                quotient[i] = q
                remainder = r
            }
            while quotient.last == 0 { quotient.removeLast() }
            return (quotient, remainder == 0 ? [] : [remainder])
        }
        if a.count == 2 {
            // Both fit 128 bits (b has 2 limbs here): native division.
            let x = UInt128(a[1]) << 64 | UInt128(a[0])
            let y = UInt128(b[1]) << 64 | UInt128(b[0])
            return (limbs(of: x / y), limbs(of: x % y))
        }
        return knuthDivide(a, b)
    }

    /// Knuth's Algorithm D (TAOCP 4.3.1; as in Hacker's Delight `divmnu`), base 2⁶⁴,
    /// for a ≥ b and b of at least 2 limbs.
    private static func knuthDivide(_ a: [UInt64], _ b: [UInt64]) -> (quotient: [UInt64], remainder: [UInt64]) {
        let n = b.count
        let m = a.count - n
        // Normalise so the divisor's top bit is set; quotient digits then need ≤ 2 corrections.
        let shift = b[n - 1].leadingZeroBitCount
        let v = shiftedLeft(b, by: shift, count: n)
        var u = shiftedLeft(a, by: shift, count: a.count + 1)
        var quotient = [UInt64](repeating: 0, count: m + 1)
        let base = UInt128(1) << 64
        let mask = UInt128(UInt64.max)
        for j in stride(from: m, through: 0, by: -1) {
            let numerator = UInt128(u[j + n]) << 64 | UInt128(u[j + n - 1])
            var qhat = numerator / UInt128(v[n - 1])
            var rhat = numerator % UInt128(v[n - 1])
            while qhat >= base || qhat * UInt128(v[n - 2]) > (rhat << 64 | UInt128(u[j + n - 2])) {
                qhat -= 1
                rhat += UInt128(v[n - 1])
                if rhat >= base { break }
            }
            // Multiply and subtract qhat·v from u[j...j+n].
            var k: Int128 = 0
            var t: Int128 = 0
            for i in 0..<n {
                let product = qhat * UInt128(v[i])
                t = Int128(u[i + j]) - k - Int128(product & mask)
                u[i + j] = UInt64(truncatingIfNeeded: t)
                k = Int128(product >> 64) - (t >> 64)
            }
            t = Int128(u[j + n]) - k
            u[j + n] = UInt64(truncatingIfNeeded: t)
            var digit = UInt64(truncatingIfNeeded: qhat)
            if t < 0 {
                // qhat was one too large: add v back.
                digit &-= 1
                var carry: UInt128 = 0
                for i in 0..<n {
                    let sum = UInt128(u[i + j]) + UInt128(v[i]) + carry
                    u[i + j] = UInt64(truncatingIfNeeded: sum)
                    carry = sum >> 64
                }
                u[j + n] = u[j + n] &+ UInt64(truncatingIfNeeded: carry)
            }
            quotient[j] = digit
        }
        while quotient.last == 0 { quotient.removeLast() }
        var remainder = [UInt64](repeating: 0, count: n)
        for i in 0..<n {
            remainder[i] = shift == 0 ? u[i] : (u[i] >> UInt64(shift)) | (u[i + 1] << UInt64(64 - shift))
        }
        while remainder.last == 0 { remainder.removeLast() }
        return (quotient, remainder)
    }

    /// `value << shift` (shift < 64) in exactly `count` limbs.
    private static func shiftedLeft(_ value: [UInt64], by shift: Int, count: Int) -> [UInt64] {
        var result = [UInt64](repeating: 0, count: count)
        for i in 0..<value.count {
            result[i] |= shift == 0 ? value[i] : value[i] << UInt64(shift)
            if shift != 0, i + 1 < count { result[i + 1] = value[i] >> UInt64(64 - shift) }
        }
        return result
    }

    private static func limbs(of value: UInt128) -> [UInt64] {
        let high = UInt64(truncatingIfNeeded: value >> 64)
        let low = UInt64(truncatingIfNeeded: value)
        return high != 0 ? [low, high] : (low != 0 ? [low] : [])
    }
}
