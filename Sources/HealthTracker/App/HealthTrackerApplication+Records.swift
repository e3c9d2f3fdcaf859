import LambdaHTTP

extension HealthTrackerApplication {
    /// The endpoint of a record route (users and the four health record types).
    func recordResponse(_ call: APICall) throws -> HTTPResponse {
        let users = UserEndpoints(call: call, database: database)
        let bloodTests = RecordEndpoints<BloodTest>(call: call, database: database)
        let bioMetrics = RecordEndpoints<BioMetricReading>(call: call, database: database)
        let activity = RecordEndpoints<ActivityDay>(call: call, database: database)
        let sleep = RecordEndpoints<SleepNight>(call: call, database: database)
        switch call.route {
        case .createUser: return try users.create()
        case .listUsers: return try users.list()
        case .getUser: return try users.get()
        case .updateUser: return try users.update()
        case .deleteUser: return try users.delete()

        case .createBloodTest: return try bloodTests.create(BloodTest.decodeCreate)
        case .listBloodTests: return try bloodTests.list()
        case .getBloodTest: return try bloodTests.get(keyName: "test_date")
        case .updateBloodTest:
            let key = try call.pathKey("test_date")
            return try bloodTests.update(select: { body throws(RecordValidationError) in
                (key, try BloodTest.decodePatch(body))
            }, merge: { record, patch throws(RecordValidationError) in try record.merged(with: patch) })
        case .deleteBloodTests: return try bloodTests.delete()

        case .createBioMetric: return try bioMetrics.create(BioMetricReading.decodeCreate)
        case .listBioMetrics: return try bioMetrics.list()
        case .getBioMetric: return try bioMetrics.get(keyName: "recorded")
        case .updateBioMetric:
            let key = try call.pathKey("recorded")
            return try bioMetrics.update(select: { body throws(RecordValidationError) in
                (key, try BioMetricReading.decodePatch(body))
            }, merge: { record, patch throws(RecordValidationError) in try record.merged(with: patch) })
        case .deleteBioMetrics: return try bioMetrics.delete()

        case .createPhysicalActivity: return try activity.create(ActivityDay.decodeCreate)
        case .listPhysicalActivity: return try activity.list()
        case .getPhysicalActivity: return try activity.get(keyName: "date")
        case .updatePhysicalActivity:
            return try activity.update(select: { body throws(RecordValidationError) in
                let (date, patch) = try ActivityDay.decodePatch(body)
                return (.date(date), patch)
            }, merge: { record, patch throws(RecordValidationError) in try record.merged(with: patch) })
        case .deletePhysicalActivity: return try activity.delete()

        case .createSleepActivity: return try sleep.create(SleepNight.decodeCreate)
        case .listSleepActivity: return try sleep.list()
        case .getSleepActivity: return try sleep.get(keyName: "date")
        case .updateSleepActivity:
            return try sleep.update(select: { body throws(RecordValidationError) in
                let (date, patch) = try SleepNight.decodePatch(body)
                return (.date(date), patch)
            }, merge: { record, patch throws(RecordValidationError) in try record.merged(with: patch) })
        case .deleteSleepActivity: return try sleep.delete()

        case .getHealthScore:
            throw Problem(.internal, detail: "\(call.route.routeKey) is not a record route")
        }
    }
}
