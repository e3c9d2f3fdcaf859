import FoundationEssentials
public import HealthScore
import LambdaHTTP
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
        var object = JSONObject()
        // Lower case, as UUIDs are written everywhere else in the API.
        object["user_uuid"] = .string(userUUID.uuidString.lowercased())
        object["version"] = .string(version)
        object["as_of"] = .string(asOf.rfc3339)
        object["score"] = score.json
        object["band"] = .string(band.rawValue)
        object["coverage_percent"] = .number(JSONNumber(coveragePercent))
        var componentsObject = JSONObject()
        for component in components {
            componentsObject[component.component.rawValue] = component.json
        }
        object["components"] = .object(componentsObject)
        object["missing_components"] = missingComponents.json
        object["windows"] = windows.json
        return JSONValue.object(object).jsonText
    }
}

extension InsufficientDataProblem {
    public func jsonText(requestID: String? = nil) -> String {
        var object = JSONObject()
        object["type"] = .string(Self.type)
        object["title"] = .string(Self.title)
        object["status"] = .number(JSONNumber(Self.status))
        object["detail"] = .string(detail)
        object["version"] = .string(report.version)
        object["as_of"] = .string(report.asOf.rfc3339)
        object["available_components"] = .array(report.availableComponents.map { .string($0.rawValue) })
        object["missing_components"] = report.missingComponents.json
        object["windows"] = report.windows.json
        if let requestID { object["request_id"] = .string(requestID) }
        return JSONValue.object(object).jsonText
    }
}

extension RoundedDecimal {
    /// A non-integer quantity: always one decimal (`100.0`), which is always a JSON number.
    var json: JSONValue {
        .number(JSONNumber(description)!)
    }
}

extension ComponentReport {
    var json: JSONValue {
        var object = JSONObject()
        switch status {
        case .missing(let reason):
            object["status"] = .string("missing")
            object["weight"] = .number(JSONNumber(weight))
            object["reason"] = .string(reason.rawValue)
        case .available(let available):
            object["status"] = .string("available")
            object["score"] = available.score.json
            object["weight"] = .number(JSONNumber(weight))
            object["effective_weight_percent"] = available.effectiveWeightPercent.json
            object["contribution"] = available.contribution.json
            if let category = available.category { object["category"] = .string(category) }
            // `missing_metrics` before `metrics`, as in the spec's and the cases' examples.
            object["missing_metrics"] = .array(available.missingMetrics.map(\.json))
            var metrics = JSONObject()
            for metric in available.metrics {
                metrics[metric.metric.rawValue] = metric.json
            }
            object["metrics"] = .object(metrics)
        }
        return .object(object)
    }
}

extension MetricReport {
    var json: JSONValue {
        var object = JSONObject()
        object["value"] = value.json
        object["score"] = score.json
        if let category { object["category"] = .string(category) }
        if let weight { object["weight"] = .number(JSONNumber(weight)) }
        switch detail {
        case .daysWithData(let days): object["days_with_data"] = .number(JSONNumber(days))
        case .readingsUsed(let count): object["readings_used"] = .number(JSONNumber(count))
        case .testDate(let date): object["test_date"] = .string(date.description)
        case .bodyMass(let weightKg, let heightCm, let weightRecorded, let heightRecorded):
            object["weight_kg"] = weightKg.json
            object["height_cm"] = heightCm.json
            object["weight_recorded"] = .string(weightRecorded.rfc3339)
            object["height_recorded"] = .string(heightRecorded.rfc3339)
        }
        return .object(object)
    }
}

extension MissingMetric {
    var json: JSONValue {
        var object = JSONObject()
        object["metric"] = .string(metric.rawValue)
        object["reason"] = .string(reason.rawValue)
        if let daysWithData { object["days_with_data"] = .number(JSONNumber(daysWithData)) }
        return .object(object)
    }
}

extension [MissingComponent] {
    var json: JSONValue {
        .array(map { missing in
            .object(["component": .string(missing.component.rawValue), "reason": .string(missing.reason.rawValue)])
        })
    }
}

extension ScoreWindows {
    /// `{start_date, end_date}` for day-keyed records, `{start, end}` for bio-metrics.
    var json: JSONValue {
        func dates(_ window: ClosedRange<CalendarDate>) -> JSONValue {
            .object(["start_date": .string(window.lowerBound.description), "end_date": .string(window.upperBound.description)])
        }
        // The order of the cases' examples.
        return .object([
            "physical_activity": dates(physicalActivity),
            "sleep_activity": dates(sleepActivity),
            "blood_tests": dates(bloodTests),
            "bio_metrics": .object(["start": .string(bioMetrics.lowerBound.rfc3339), "end": .string(bioMetrics.upperBound.rfc3339)]),
        ])
    }
}
