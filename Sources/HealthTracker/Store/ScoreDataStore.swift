public import FoundationEssentials
public import HealthScore
import LambdaHTTP
public import Postgres
public import UTCTime

/// Reads what one health score needs (spec §2) in one statement, so one round trip.
///
/// One statement (one round trip) of bounded range reads on indexes, so the cost does not grow with the
/// user's history or the table: blood tests by the primary key over [D−364, D] (≤ 365 rows),
/// activity and sleep by the primary key over [D−7, D−1] (≤ 7 rows each), and bio-metrics
/// through one partial index per scored field, newest first with a LIMIT: the latest weight
/// and the ≤ 3 latest BP and resting-HR readings in [D−89 T00:00Z, as_of], and the latest
/// height at or before as_of. Readings are unique per instant, so a 90-day window is not
/// bounded by days; these LIMITs are what bounds it. One snapshot for all reads: a single
/// statement reads one snapshot even outside a transaction, so no BEGIN/COMMIT round trips
/// are needed for a concurrent write to be seen entirely or not at all.
public enum ScoreDataStore {
    /// The user's records for a score as of `asOf`, or nil when there is no such user.
    public static func load(
        userUUID: UUID, asOf: Instant, session: PostgresSession, deadline: Instant? = nil
    ) throws -> ScoreInputs? {
        do {
            return try session.run(.readOnly, deadline: deadline) { connection in
                // Thrown, so that a reader that has not replayed the user yet asks the writer.
                guard let inputs = try read(userUUID: userUUID, asOf: asOf, connection: connection) else {
                    throw Problem.userNotFound(userUUID)
                }
                return inputs
            }
        } catch let problem as Problem where problem.status == 404 {
            return nil
        }
    }

    /// The reads themselves, for a caller that holds the connection (or a transaction): the
    /// one place where stored rows become the engine's inputs.
    public static func read(userUUID: UUID, asOf: Instant, connection: PostgresConnection) throws -> ScoreInputs? {
        let windows = ScoreWindows(asOf: asOf)
        let rows = try connection.execute(Statements.scoreRecords, [
            userUUID, windows.bloodTests.lowerBound, windows.bloodTests.upperBound, windows.bioMetrics.lowerBound, asOf,
            windows.physicalActivity.lowerBound, windows.physicalActivity.upperBound,
        ])
        var inputs = ScoreInputs(userUUID: userUUID, asOf: asOf)
        var userFound = false
        // A reading found by two of the bio-metrics reads (weight and BP, say) is one row.
        var readings = Set<Instant>()
        for row in rows {
            switch try row.decode(0, as: String.self) {
            case "user":
                userFound = true
            case "blood_test":
                inputs.bloodTests.append(BloodTestInput(
                    testDate: try row.decode(1), fastingGlucoseMgDl: try row.decode(2), hba1cPercent: try row.decode(3),
                    totalCholesterolMgDl: try row.decode(4), ldlCholesterolMgDl: try row.decode(5),
                    hdlCholesterolMgDl: try row.decode(6), triglyceridesMgDl: try row.decode(7)
                ))
            case "bio_metric":
                let reading = BioMetricInput(
                    recorded: try row.decode(1), weightKg: try row.decode(2), heightCm: try row.decode(3),
                    systolicBpMmhg: try row.decode(4), diastolicBpMmhg: try row.decode(5), restingHeartRateBpm: try row.decode(6)
                )
                if readings.insert(reading.recorded).inserted { inputs.bioMetrics.append(reading) }
            case "activity_day":
                inputs.activityDays.append(ActivityDayInput(
                    date: try row.decode(1), steps: try row.decode(2), moderateMinutes: try row.decode(3),
                    vigorousMinutes: try row.decode(4), activeMinutes: try row.decode(5)
                ))
            case "sleep_night":
                inputs.sleepNights.append(SleepNightInput(
                    date: try row.decode(1), startTime: try row.decode(2), endTime: try row.decode(3),
                    totalSleepMinutes: try row.decode(4), deepMinutes: try row.decode(5), remMinutes: try row.decode(6),
                    lightMinutes: try row.decode(7), awakeMinutes: try row.decode(8), efficiencyPercent: try row.decode(9)
                ))
            case let kind:
                throw PostgresError(code: .decoding, message: "unexpected row kind \(kind) in the score read")
            }
        }
        return userFound ? inputs : nil
    }

    /// The statement, public so tests and the benchmark can EXPLAIN it.
    public enum Statements {
        /// Every read of one score in one statement, so one round trip: the user's existence,
        /// then each range read as an arm of a UNION ALL, each on its own index with its own
        /// bound (blood tests ≤ 365 days, activity and sleep ≤ 7 days, bio-metrics by LIMIT).
        /// Rows share one shape: a kind, then the record's columns as text (numeric's text is
        /// its exact decimal digits; dates and instants read back through their own decoders).
        /// ORDER BY names the table's column: the bare name would be the text output column,
        /// which no index serves.
        ///
        /// $1 user, $2…$3 blood-test dates, $4…$5 bio-metrics instants (as_of is $5), $6…$7
        /// activity and sleep dates.
        public static let scoreRecords = PreparedStatement(
            name: "score_records",
            sql: """
                SELECT 'user', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
                WHERE EXISTS (SELECT 1 FROM users WHERE user_uuid = $1)
                UNION ALL
                SELECT 'blood_test', test_date::text, fasting_glucose_mg_dl::text, hba1c_percent::text,
                       total_cholesterol_mg_dl::text, ldl_cholesterol_mg_dl::text, hdl_cholesterol_mg_dl::text,
                       triglycerides_mg_dl::text, NULL, NULL
                FROM blood_tests WHERE user_uuid = $1 AND test_date BETWEEN $2::date AND $3::date
                UNION ALL
                (SELECT \(bio) FROM bio_metrics
                 WHERE user_uuid = $1 AND weight_kg IS NOT NULL AND recorded BETWEEN $4::timestamptz AND $5::timestamptz
                 ORDER BY bio_metrics.recorded DESC LIMIT 1)
                UNION ALL
                (SELECT \(bio) FROM bio_metrics
                 WHERE user_uuid = $1 AND systolic_bp_mmhg IS NOT NULL AND diastolic_bp_mmhg IS NOT NULL
                   AND recorded BETWEEN $4::timestamptz AND $5::timestamptz
                 ORDER BY bio_metrics.recorded DESC LIMIT 3)
                UNION ALL
                (SELECT \(bio) FROM bio_metrics
                 WHERE user_uuid = $1 AND resting_heart_rate_bpm IS NOT NULL AND recorded BETWEEN $4::timestamptz AND $5::timestamptz
                 ORDER BY bio_metrics.recorded DESC LIMIT 3)
                UNION ALL
                (SELECT \(bio) FROM bio_metrics
                 WHERE user_uuid = $1 AND height_cm IS NOT NULL AND recorded <= $5::timestamptz
                 ORDER BY bio_metrics.recorded DESC LIMIT 1)
                UNION ALL
                SELECT 'activity_day', date::text, steps::text, moderate_minutes::text, vigorous_minutes::text,
                       active_minutes::text, NULL, NULL, NULL, NULL
                FROM physical_activity WHERE user_uuid = $1 AND date BETWEEN $6::date AND $7::date
                UNION ALL
                SELECT 'sleep_night', date::text, start_time::text, end_time::text, total_sleep_minutes::text,
                       deep_minutes::text, rem_minutes::text, light_minutes::text, awake_minutes::text, efficiency_percent::text
                FROM sleep_activity WHERE user_uuid = $1 AND date BETWEEN $6::date AND $7::date
                """
        )

        static let bio = """
            'bio_metric', recorded::text, weight_kg::text, height_cm::text, systolic_bp_mmhg::text,
                   diastolic_bp_mmhg::text, resting_heart_rate_bpm::text, NULL, NULL, NULL
            """

        /// All of them, for EXPLAIN.
        public static let all: [PreparedStatement] = [scoreRecords]
    }
}
