public import FoundationEssentials
public import UTCTime

/// The scored analytes of one blood test (mg/dL, HbA1c in NGSP %), as the engine reads them.
public struct BloodTestInput: Sendable, Hashable {
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

    // The exact values the components compute with; `WindowedInputs` has checked that the
    // decimals are finite.

    var fastingGlucose: Rational? { fastingGlucoseMgDl.flatMap(Rational.init(exactly:)) }
    var hba1c: Rational? { hba1cPercent.flatMap(Rational.init(exactly:)) }
    var totalCholesterol: Rational? { totalCholesterolMgDl.flatMap(Rational.init(exactly:)) }
    var ldl: Rational? { ldlCholesterolMgDl.flatMap(Rational.init(exactly:)) }
    var hdl: Rational? { hdlCholesterolMgDl.flatMap(Rational.init(exactly:)) }
    var triglycerides: Rational? { triglyceridesMgDl.flatMap(Rational.init(exactly:)) }
}
