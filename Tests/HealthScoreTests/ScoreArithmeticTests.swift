import Foundation
@testable import HealthScore
import ScoreTestSupport
import TestTags
import Testing

@Suite("Score arithmetic: exact rationals and output rounding (spec §6)", .tags(.pure))
struct ScoreArithmeticTests {
    @Test("82.35 from a Decimal stays exactly 8235/100 and rounds to 82.4")
    func decimalIsExact() throws {
        let value = try #require(Rational(exactly: d("82.35")))
        #expect(value == Rational(BigInt(1647), BigInt(20)))
        #expect(value.roundedToTenths() == RoundedDecimal(tenths: 824))
        // The trap: binary floating point holds 82.35 as 82.3499…, which rounds to 82.3.
        #expect(String(format: "%.20f", 82.35 as Double).hasPrefix("82.3499"))
    }

    @Test("case 02 overall: (15·(94+100+100+75+60+100) + 10·30)/100 = 82.35 exactly → 82.4")
    func case02Overall() {
        let sum = [94, 100, 100, 75, 60, 100].reduce(Rational.zero) { $0 + Rational($1) * Rational(15) } + Rational(300)
        let overall = sum.divided(by: 100)
        #expect(overall == r("82.35"))
        #expect(overall.roundedToTenths()?.description == "82.4")
    }

    @Test("64 / 1.6² is exactly 25: overweight, score 100")
    func bmiTrap() throws {
        let metres = r("160").divided(by: 100)
        let quotient: Rational? = r("64") / (metres * metres)
        let bmi = try #require(quotient)
        #expect(bmi == Rational(25))
        #expect(MetricName.bmi.scale.category(bmi) == "overweight")
        #expect(MetricName.bmi.scale.score(bmi) == Rational(100))
        // The trap: with doubles 1.6·1.6 = 2.5600000000000005 and 64 / that < 25 (normal).
        #expect(64.0 / (1.6 * 1.6) < 25.0)
        #expect(bmi.roundedToTenths()?.description == "25.0")
    }

    @Test("half away from zero: 96.25 → 96.3, not half-even 96.2", arguments: [
        ("96.25", "96.3"), ("96.35", "96.4"), ("96.24999", "96.2"), ("96.15", "96.2"), ("0.05", "0.1"),
        ("-96.25", "-96.3"), ("-0.04", "0.0"), ("100", "100.0"), ("99.95", "100.0"), ("12.14", "12.1"),
    ])
    func roundingHalfAwayFromZero(input: String, expected: String) {
        #expect(r(input).roundedToTenths()?.description == expected)
    }

    @Test("thirds and sevenths round from the exact value: 6283/70 = 89.757… → 89.8; 850/70 → 12.1")
    func repeatingFractions() {
        #expect(Rational(6283).divided(by: 70).roundedToTenths()?.description == "89.8")
        #expect(Rational(850).divided(by: 70).roundedToTenths()?.description == "12.1")
        #expect(Rational(1500).divided(by: 70).roundedToTenths()?.description == "21.4")
        #expect(Rational(1).divided(by: 3).roundedToTenths()?.description == "0.3")
        #expect(Rational(-2).divided(by: 3).roundedToTenths()?.description == "-0.7")
    }

    @Test("RoundedDecimal converts to an exact Decimal")
    func roundedDecimalAsDecimal() {
        #expect(RoundedDecimal(tenths: 963).decimal == d("96.3"))
        #expect(RoundedDecimal(tenths: -5).decimal == d("-0.5"))
        #expect(RoundedDecimal(tenths: 1000).decimal == d("100"))
    }

    @Test("decimal text forms: signs, exponents, trailing zeros; NaN and junk are rejected")
    func decimalParsing() {
        #expect(r("1e5") == Rational(100_000))
        #expect(r("1E-2") == Rational(1).divided(by: 100))
        #expect(r("-3.50") == Rational(-7).divided(by: 2))
        #expect(r("+0.0") == .zero)
        #expect(Rational(decimalText: "") == nil)
        #expect(Rational(decimalText: "1.2.3") == nil)
        #expect(Rational(decimalText: "abc") == nil)
        #expect(Rational(exactly: Decimal.nan) == nil)
    }

    @Test("big integers: products past 128 bits divide back exactly")
    func bigIntegers() throws {
        let a = BigInt(Int.max) * BigInt(Int.max) * BigInt(1_000_003)
        let b = BigInt(Int.max - 12_345)
        let (q, rem) = try #require((a * b + BigInt(17)).quotientAndRemainder(dividingBy: b))
        #expect(q == a)
        #expect(rem == BigInt(17))
        #expect(BigInt.gcd(a * BigInt(6), a * BigInt(4)) == a * BigInt(2))
        #expect(BigInt.gcd(BigInt(0), BigInt(-12)) == BigInt(12))
        #expect((BigInt(-7)).quotientAndRemainder(dividingBy: BigInt(2))?.quotient == BigInt(-3))
        #expect((BigInt(-7)).quotientAndRemainder(dividingBy: BigInt(2))?.remainder == BigInt(-1))
        #expect(BigInt(5).quotientAndRemainder(dividingBy: .zero) == nil)
        #expect((BigInt(10).power(40)).decimalText == "1" + String(repeating: "0", count: 40))
        #expect((-BigInt(10).power(20) - BigInt(1)).decimalText == "-100000000000000000001")
    }

    @Test("division of random multi-limb integers: q·b + r = a and 0 ≤ r < |b|", arguments: 0..<20)
    func divisionProperty(seed: Int) throws {
        var generator = SplitMix(seed: UInt64(seed) &* 7919)
        for _ in 0..<50 {
            let a = randomBigInt(limbs: Int.random(in: 1...8, using: &generator), using: &generator)
            var b = randomBigInt(limbs: Int.random(in: 1...5, using: &generator), using: &generator)
            if b.isZero { b = BigInt(3) }
            let (q, rem) = try #require(a.quotientAndRemainder(dividingBy: b))
            #expect(q * b + rem == a)
            #expect(rem.magnitudeValue < b.magnitudeValue)
            #expect(rem.isZero || rem.isNegative == a.isNegative)
        }
    }

    @Test("gcd of one-limb values above Int64.max (stored as large) and of mixed sizes")
    func gcdWordsAboveInt64() {
        // gcd(2⁶⁴−1, (2⁶⁴−1)/5·3) = (2⁶⁴−1)/5 = 3689348814741910323
        #expect(BigInt.gcd(BigInt(magnitude: .max), BigInt(magnitude: 0x9999_9999_9999_9999)) == BigInt(3_689_348_814_741_910_323))
        #expect(BigInt.gcd(BigInt(magnitude: .max - 1), BigInt(magnitude: (1 << 63) + 6)) == BigInt(14))
        #expect(BigInt.gcd(-BigInt(magnitude: .max), BigInt(5)) == BigInt(5))
        #expect(BigInt.gcd(BigInt(magnitude: .max) * BigInt(magnitude: .max), BigInt(magnitude: .max)) == BigInt(magnitude: .max))
    }

    @Test("gcd of random integers divides both and leaves coprime cofactors", arguments: 0..<10)
    func gcdProperty(seed: Int) throws {
        var generator = SplitMix(seed: UInt64(seed) &+ 101)
        for _ in 0..<30 {
            let common = randomBigInt(limbs: Int.random(in: 1...2, using: &generator), using: &generator)
            let a = randomBigInt(limbs: Int.random(in: 1...4, using: &generator), using: &generator) * common
            let b = randomBigInt(limbs: Int.random(in: 1...4, using: &generator), using: &generator) * common
            let g = BigInt.gcd(a, b)
            if a.isZero && b.isZero { #expect(g.isZero); continue }
            let (qa, ra) = try #require(a.quotientAndRemainder(dividingBy: g))
            let (qb, rb) = try #require(b.quotientAndRemainder(dividingBy: g))
            #expect(ra.isZero && rb.isZero)
            #expect(BigInt.gcd(qa, qb) == .one)
            #expect(!g.isNegative)
        }
    }

    @Test("Knuth division's rare add-back step: dividends built to need it")
    func divisionAddBack() throws {
        // Divisors with a top limb of 2⁶³ and a large second limb make qhat overestimate.
        let b = BigInt(magnitude: 0x8000_0000_0000_0000) * BigInt(magnitude: 1 << 32) * BigInt(magnitude: 1 << 32)
            + BigInt(magnitude: UInt64.max)
        for k in 1...40 {
            let a = b * BigInt(magnitude: UInt64.max - UInt64(k)) + b - BigInt(k)
            let (q, rem) = try #require(a.quotientAndRemainder(dividingBy: b))
            #expect(q * b + rem == a)
            #expect(rem < b && !rem.isNegative)
        }
    }

    @Test("means of 7 nights timed to the microsecond stay exact (would overflow Int128)")
    func manyCoprimeDenominators() {
        // 7 distinct large primes as denominators: their product is ~10^77.
        let primes = [86_399_999_989, 86_399_999_971, 86_399_999_959, 86_399_999_947, 86_399_999_923, 86_399_999_917, 86_399_999_899]
        var sum = Rational.zero
        for p in primes { sum = sum + Rational(1).divided(by: p) }
        var back = sum
        for p in primes { back = back - Rational(1).divided(by: p) }
        #expect(back == .zero)
        // Far beyond Int128 (39 digits).
        #expect(sum.denominator.decimalText.count > 60)
    }

    @Test("comparison of rationals with different denominators")
    func ordering() {
        #expect(r("84.99999") < r("85"))
        #expect(!(r("85") < r("85.0")))
        #expect(Rational(-1).divided(by: 3) < Rational(-1).divided(by: 4))
        #expect(Rational.min(r("2.5"), r("2.4")) == r("2.4"))
    }
}

func randomBigInt(limbs: Int, using generator: inout SplitMix) -> BigInt {
    var value = BigInt.zero
    let base = BigInt(magnitude: 1 << 32) * BigInt(magnitude: 1 << 32)
    for index in 0..<limbs {
        // Mix in all-ones and zero limbs: the edge cases of carries and normalisation.
        let limb: UInt64 = switch generator.next() % 5 {
        case 0: .max
        case 1: index == limbs - 1 ? 1 : 0
        default: generator.next()
        }
        value = value * base + BigInt(magnitude: limb)
    }
    return generator.next() % 2 == 0 ? value : -value
}

extension BigInt {
    func power(_ exponent: Int) -> BigInt {
        (0..<exponent).reduce(BigInt.one) { product, _ in product * self }
    }
}
