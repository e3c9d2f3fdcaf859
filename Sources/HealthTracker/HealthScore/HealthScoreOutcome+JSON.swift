import FoundationEssentials
public import HealthScore
import UTCTime

extension HealthScoreOutcome {
    /// The response body. `requestID` (the Lambda request id) is appended to the 422
    /// problem, as every problem document carries it (api.md); the 200 document has none.
    public func jsonText(requestID: String? = nil) -> String {
        switch self {
        case .score(let document): document.jsonText
        case .insufficientData(let report): InsufficientDataProblem(report).jsonText(requestID: requestID)
        }
    }

    public func jsonBytes(requestID: String? = nil) -> [UInt8] {
        Array(jsonText(requestID: requestID).utf8)
    }
}

extension HealthScoreReport {
    /// Keys in spec §7 order (inside components, the examples' order); numbers rounded half away from zero to 1 decimal, except
    /// weights, counts and coverage (integers).
    public var jsonText: String {
        var object = OrderedJSONObject()
        // Lower case, as UUIDs are written everywhere else in the API.
        object.add("user_uuid", string: userUUID.uuidString.lowercased())
        object.add("version", string: version)
        object.add("as_of", string: asOf.rfc3339)
        object.add("score", number: score)
        object.add("band", string: band.rawValue)
        object.add("coverage_percent", int: coveragePercent)
        var componentsObject = OrderedJSONObject()
        for component in components {
            componentsObject.add(component.component.rawValue, json: component.jsonText)
        }
        object.add("components", json: componentsObject.text)
        object.add("missing_components", json: missingComponents.jsonText)
        object.add("windows", json: windows.jsonText)
        return object.text
    }
}

extension InsufficientDataProblem {
    public func jsonText(requestID: String? = nil) -> String {
        var object = OrderedJSONObject()
        object.add("type", string: Self.type)
        object.add("title", string: Self.title)
        object.add("status", int: Self.status)
        object.add("detail", string: detail)
        object.add("version", string: report.version)
        object.add("as_of", string: report.asOf.rfc3339)
        object.add("available_components", json: OrderedJSONObject.array(
            report.availableComponents.map { OrderedJSONObject.quoted($0.rawValue) }
        ))
        object.add("missing_components", json: report.missingComponents.jsonText)
        object.add("windows", json: report.windows.jsonText)
        if let requestID { object.add("request_id", string: requestID) }
        return object.text
    }
}

extension ComponentReport {
    var jsonText: String {
        var object = OrderedJSONObject()
        switch status {
        case .missing(let reason):
            object.add("status", string: "missing")
            object.add("weight", int: weight)
            object.add("reason", string: reason.rawValue)
        case .available(let available):
            object.add("status", string: "available")
            object.add("score", number: available.score)
            object.add("weight", int: weight)
            object.add("effective_weight_percent", number: available.effectiveWeightPercent)
            object.add("contribution", number: available.contribution)
            if let category = available.category { object.add("category", string: category) }
            // `missing_metrics` before `metrics`, as in the spec's and the cases' examples.
            object.add("missing_metrics", json: OrderedJSONObject.array(available.missingMetrics.map(\.jsonText)))
            var metrics = OrderedJSONObject()
            for metric in available.metrics {
                metrics.add(metric.metric.rawValue, json: metric.jsonText)
            }
            object.add("metrics", json: metrics.text)
        }
        return object.text
    }
}

extension MetricReport {
    var jsonText: String {
        var object = OrderedJSONObject()
        object.add("value", number: value)
        object.add("score", number: score)
        if let category { object.add("category", string: category) }
        if let weight { object.add("weight", int: weight) }
        switch detail {
        case .daysWithData(let days): object.add("days_with_data", int: days)
        case .readingsUsed(let count): object.add("readings_used", int: count)
        case .testDate(let date): object.add("test_date", string: date.description)
        case .bodyMass(let weightKg, let heightCm, let weightRecorded, let heightRecorded):
            object.add("weight_kg", number: weightKg)
            object.add("height_cm", number: heightCm)
            object.add("weight_recorded", string: weightRecorded.rfc3339)
            object.add("height_recorded", string: heightRecorded.rfc3339)
        }
        return object.text
    }
}

extension MissingMetric {
    var jsonText: String {
        var object = OrderedJSONObject()
        object.add("metric", string: metric.rawValue)
        object.add("reason", string: reason.rawValue)
        if let daysWithData { object.add("days_with_data", int: daysWithData) }
        return object.text
    }
}

extension [MissingComponent] {
    var jsonText: String {
        OrderedJSONObject.array(map { missing in
            var object = OrderedJSONObject()
            object.add("component", string: missing.component.rawValue)
            object.add("reason", string: missing.reason.rawValue)
            return object.text
        })
    }
}

extension ScoreWindows {
    /// `{start_date, end_date}` for day-keyed records, `{start, end}` for bio-metrics.
    var jsonText: String {
        func dates(_ window: ClosedRange<CalendarDate>) -> String {
            var object = OrderedJSONObject()
            object.add("start_date", string: window.lowerBound.description)
            object.add("end_date", string: window.upperBound.description)
            return object.text
        }
        var bio = OrderedJSONObject()
        bio.add("start", string: bioMetrics.lowerBound.rfc3339)
        bio.add("end", string: bioMetrics.upperBound.rfc3339)
        // The order of the cases' examples.
        var object = OrderedJSONObject()
        object.add("physical_activity", json: dates(physicalActivity))
        object.add("sleep_activity", json: dates(sleepActivity))
        object.add("blood_tests", json: dates(bloodTests))
        object.add("bio_metrics", json: bio.text)
        return object.text
    }
}
