public import FoundationEssentials
public import UTCTime

/// The scored analytes of one stored blood test (mg/dL, HbA1c in NGSP %).
public struct BloodTestRecord: Sendable, Hashable {
    public var testDate: CalendarDate
    public var fastingGlucoseMgDl: Decimal?
    public var hba1cPercent: Decimal?
    public var totalCholesterolMgDl: Decimal?
    public var ldlCholesterolMgDl: Decimal?
    public var hdlCholesterolMgDl: Decimal?
    public var triglyceridesMgDl: Decimal?

    public init(
        testDate: CalendarDate,
        fastingGlucoseMgDl: Decimal? = nil,
        hba1cPercent: Decimal? = nil,
        totalCholesterolMgDl: Decimal? = nil,
        ldlCholesterolMgDl: Decimal? = nil,
        hdlCholesterolMgDl: Decimal? = nil,
        triglyceridesMgDl: Decimal? = nil
    ) {
        self.testDate = testDate
        self.fastingGlucoseMgDl = fastingGlucoseMgDl
        self.hba1cPercent = hba1cPercent
        self.totalCholesterolMgDl = totalCholesterolMgDl
        self.ldlCholesterolMgDl = ldlCholesterolMgDl
        self.hdlCholesterolMgDl = hdlCholesterolMgDl
        self.triglyceridesMgDl = triglyceridesMgDl
    }
}
