public import FoundationEssentials
public import UTCTime

/// One `blood_tests` record: a user's lab panel on one day (labs in mg/dL, HbA1c in NGSP %).
public struct BloodTest: Sendable, Equatable {
    public var userUUID: UUID
    public var testDate: CalendarDate
    public var fastingGlucoseMgDl: Decimal?
    public var hba1cPercent: Decimal?
    public var totalCholesterolMgDl: Decimal?
    public var ldlCholesterolMgDl: Decimal?
    public var hdlCholesterolMgDl: Decimal?
    public var triglyceridesMgDl: Decimal?
    public var hemoglobinGDl: Decimal?
    public var createdAt: Instant?
    public var updatedAt: Instant?

    public init(
        userUUID: UUID, testDate: CalendarDate,
        fastingGlucoseMgDl: Decimal? = nil, hba1cPercent: Decimal? = nil,
        totalCholesterolMgDl: Decimal? = nil, ldlCholesterolMgDl: Decimal? = nil,
        hdlCholesterolMgDl: Decimal? = nil, triglyceridesMgDl: Decimal? = nil,
        hemoglobinGDl: Decimal? = nil, createdAt: Instant? = nil, updatedAt: Instant? = nil
    ) {
        self.userUUID = userUUID
        self.testDate = testDate
        self.fastingGlucoseMgDl = fastingGlucoseMgDl
        self.hba1cPercent = hba1cPercent
        self.totalCholesterolMgDl = totalCholesterolMgDl
        self.ldlCholesterolMgDl = ldlCholesterolMgDl
        self.hdlCholesterolMgDl = hdlCholesterolMgDl
        self.triglyceridesMgDl = triglyceridesMgDl
        self.hemoglobinGDl = hemoglobinGDl
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
