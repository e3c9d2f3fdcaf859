public import FoundationEssentials
public import Postgres
public import UTCTime

/// Reads what one health score needs (spec §2) in one read-only REPEATABLE READ transaction.
///
/// Every read is a bounded range read on an index, so the cost does not grow with the
/// user's history or the table: blood tests by the primary key over [D−364, D] (≤ 365 rows),
/// activity and sleep by the primary key over [D−7, D−1] (≤ 7 rows each), and bio-metrics
/// through one partial index per scored field, newest first with a LIMIT: the latest weight
/// and the ≤ 3 latest BP and resting-HR readings in [D−89 T00:00Z, as_of], and the latest
/// height at or before as_of. Readings are unique per instant, so a 90-day window is not
/// bounded by days; these LIMITs are what bounds it. One snapshot for all reads: a
/// concurrent write is seen entirely or not at all.
public enum ScoreDataStore {
    /// The user's records for a score as of `asOf`, or nil when there is no such user.
    public static func load(
        userUUID: UUID, asOf: Instant, session: PostgresSession, deadline: Instant? = nil
    ) throws -> ScoreInputs? {
        try session.transaction(readOnly: true, isolation: .repeatableRead, deadline: deadline) { connection in
            try read(userUUID: userUUID, asOf: asOf, connection: connection)
        }
    }

    /// The reads themselves, for a caller that holds the transaction.
    public static func read(userUUID: UUID, asOf: Instant, connection: PostgresConnection) throws -> ScoreInputs? {
        guard try connection.execute(Statements.userExists, [userUUID]).count == 1 else { return nil }
        let windows = ScoreWindows(asOf: asOf)
        var inputs = ScoreInputs(userUUID: userUUID, asOf: asOf)

        for row in try connection.execute(Statements.bloodTests, [
            userUUID, windows.bloodTests.startDate, windows.bloodTests.endDate,
        ]) {
            inputs.bloodTests.append(BloodTestRecord(
                testDate: try row.decode(0), fastingGlucoseMgDl: try row.decode(1), hba1cPercent: try row.decode(2),
                totalCholesterolMgDl: try row.decode(3), ldlCholesterolMgDl: try row.decode(4),
                hdlCholesterolMgDl: try row.decode(5), triglyceridesMgDl: try row.decode(6)
            ))
        }

        // One round trip for the four bio-metrics reads; a reading found by two of them
        // (weight and BP, say) is the same row and counts once.
        var seen = Set<Instant>()
        for row in try connection.execute(Statements.bioMetrics, [userUUID, windows.bioMetrics.start, asOf]) {
            let reading = try bioMetric(row)
            if seen.insert(reading.recorded).inserted { inputs.bioMetrics.append(reading) }
        }

        let dayParameters: [any PostgresEncodable] = [
            userUUID, windows.physicalActivity.startDate, windows.physicalActivity.endDate,
        ]
        for row in try connection.execute(Statements.activityDays, dayParameters) {
            inputs.activityDays.append(ActivityDayRecord(
                date: try row.decode(0), steps: try row.decode(1), moderateMinutes: try row.decode(2),
                vigorousMinutes: try row.decode(3), activeMinutes: try row.decode(4)
            ))
        }
        for row in try connection.execute(Statements.sleepNights, dayParameters) {
            inputs.sleepNights.append(SleepNightRecord(
                date: try row.decode(0), startTime: try row.decode(1), endTime: try row.decode(2),
                totalSleepMinutes: try row.decode(3), deepMinutes: try row.decode(4), remMinutes: try row.decode(5),
                lightMinutes: try row.decode(6), awakeMinutes: try row.decode(7), efficiencyPercent: try row.decode(8)
            ))
        }
        return inputs
    }

    private static func bioMetric(_ row: PostgresRow) throws(PostgresError) -> BioMetricRecord {
        BioMetricRecord(
            recorded: try row.decode(0), weightKg: try row.decode(1), heightCm: try row.decode(2),
            systolicBpMmhg: try row.decode(3), diastolicBpMmhg: try row.decode(4), restingHeartRateBpm: try row.decode(5)
        )
    }

    /// The statements, public so tests and the benchmark can EXPLAIN them.
    public enum Statements {
        static let bioColumns = "recorded, weight_kg, height_cm, systolic_bp_mmhg, diastolic_bp_mmhg, resting_heart_rate_bpm"

        public static let userExists = PreparedStatement(
            name: "score_user_exists",
            sql: "SELECT 1 FROM users WHERE user_uuid = $1"
        )
        public static let bloodTests = PreparedStatement(
            name: "score_blood_tests",
            sql: """
                SELECT test_date, fasting_glucose_mg_dl, hba1c_percent, total_cholesterol_mg_dl,
                       ldl_cholesterol_mg_dl, hdl_cholesterol_mg_dl, triglycerides_mg_dl
                FROM blood_tests
                WHERE user_uuid = $1 AND test_date BETWEEN $2::date AND $3::date
                ORDER BY test_date DESC
                """
        )
        /// The latest weight and the ≤ 3 latest BP and resting-HR readings in the window, and
        /// the latest height at or before as_of: four index reads, each stopped by its LIMIT.
        public static let bioMetrics = PreparedStatement(
            name: "score_bio_metrics",
            sql: """
                (SELECT \(bioColumns) FROM bio_metrics
                 WHERE user_uuid = $1 AND weight_kg IS NOT NULL AND recorded BETWEEN $2::timestamptz AND $3::timestamptz
                 ORDER BY recorded DESC LIMIT 1)
                UNION ALL
                (SELECT \(bioColumns) FROM bio_metrics
                 WHERE user_uuid = $1 AND systolic_bp_mmhg IS NOT NULL AND diastolic_bp_mmhg IS NOT NULL
                   AND recorded BETWEEN $2::timestamptz AND $3::timestamptz
                 ORDER BY recorded DESC LIMIT 3)
                UNION ALL
                (SELECT \(bioColumns) FROM bio_metrics
                 WHERE user_uuid = $1 AND resting_heart_rate_bpm IS NOT NULL AND recorded BETWEEN $2::timestamptz AND $3::timestamptz
                 ORDER BY recorded DESC LIMIT 3)
                UNION ALL
                (SELECT \(bioColumns) FROM bio_metrics
                 WHERE user_uuid = $1 AND height_cm IS NOT NULL AND recorded <= $3::timestamptz
                 ORDER BY recorded DESC LIMIT 1)
                """
        )
        public static let activityDays = PreparedStatement(
            name: "score_activity_days",
            sql: """
                SELECT date, steps, moderate_minutes, vigorous_minutes, active_minutes
                FROM physical_activity
                WHERE user_uuid = $1 AND date BETWEEN $2::date AND $3::date
                """
        )
        public static let sleepNights = PreparedStatement(
            name: "score_sleep_nights",
            sql: """
                SELECT date, start_time, end_time, total_sleep_minutes, deep_minutes, rem_minutes,
                       light_minutes, awake_minutes, efficiency_percent
                FROM sleep_activity
                WHERE user_uuid = $1 AND date BETWEEN $2::date AND $3::date
                """
        )

        /// All of them, for EXPLAIN.
        public static let all: [PreparedStatement] = [
            userExists, bloodTests, bioMetrics, activityDays, sleepNights,
        ]
    }
}
