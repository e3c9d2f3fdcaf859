import Foundation
@testable import HealthScore
import ScoreTestSupport
import TestTags
import Testing
import UTCTime

private typealias F = ScoreFixture

@Suite("Score engine: components, the ≥ 3 rule and the report (spec §5, §7)", .tags(.pure))
struct ScoreEngineTests {
    @Test("no records at all → 422 with all 7 missing")
    func nothing() throws {
        let outcome = try F.evaluate(ScoreInputs(userUUID: F.user, asOf: F.asOf))
        guard case .insufficientData(let problem) = outcome else { Issue.record("expected 422"); return }
        #expect(problem.availableComponents.isEmpty)
        #expect(problem.missingComponents.map(\.component) == ComponentName.allCases)
    }

    @Test("band from the rounded score", arguments: [
        (799, ScoreBand.moderate), (800, .high), (1000, .high), (500, .moderate), (499, .low), (0, .low),
    ])
    func band(tenths: Int, expected: ScoreBand) {
        #expect(ScoreBand(roundedScore: RoundedDecimal(tenths: tenths)) == expected)
    }

    // MARK: Full inputs, broken preconditions

    @Test("full inputs: all 7 components present, sleep efficiency timed to the second stays exact")
    func fullDocument() throws {
        let doc = try F.document(F.fullInputs())
        #expect(doc.coveragePercent == 100)
        #expect(doc.missingComponents.isEmpty)
        #expect(doc.components.map(\.component) == ComponentName.allCases)
        let sleep = try F.available(doc, .sleep)
        #expect(try F.metric(sleep, .meanSleepEfficiencyPercent).detail == .daysWithData(4))
        // BP uses the latest 3 of 4 readings: the 160/100 one is out.
        #expect(try F.metric(F.available(doc, .bloodPressure), .systolicBP).value == rd("126.0"))
        // Height 180 (2025-06-10) is later than 181 (2018).
        guard case .bodyMass(_, let height, _, _) = try F.metric(F.available(doc, .bodyMassIndex), .bmi).detail else {
            Issue.record("no body-mass detail"); return
        }
        #expect(height == rd("180.0"))
    }

    @Test("two different records with one key are an error, not a guess")
    func conflictingDuplicate() {
        var inputs = F.threeComponents
        inputs.bloodTests.append(BloodTestInput(testDate: F.date("2025-06-01"), hba1cPercent: d("6.0")))
        #expect(throws: ScoreError.self) { try HealthScoreEngine.evaluate(inputs) }
        do {
            _ = try HealthScoreEngine.evaluate(inputs)
        } catch {
            #expect(error.code == .duplicateRecord)
        }
    }

    @Test("a NaN measurement or a sleep night ending before it starts is reported, not trapped")
    func brokenPreconditions() {
        var nan = F.threeComponents
        nan.bloodTests[0].hba1cPercent = Decimal.nan
        #expect(throws: ScoreError(.invalidNumber, "a measurement is not a finite number")) { try HealthScoreEngine.evaluate(nan) }
        var backwards = F.threeComponents
        backwards.sleepNights = [SleepNightInput(date: F.weekDays[0], startTime: F.instant("2025-06-08T07:00:00Z"), endTime: F.instant("2025-06-08T06:00:00Z"))]
        do {
            _ = try HealthScoreEngine.evaluate(backwards)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .invalidRecord)
        }
    }
}
