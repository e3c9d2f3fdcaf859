import Foundation
import HealthScore
import LambdaHTTP
@testable import HealthTracker
import ScoreTestSupport
import TestTags
import Testing
import UTCTime

/// More cases of the kind in `health-score-cases.json`, hand-computed (arithmetic in
/// `worked`), in the same format so they can also be run through the real API.
@Suite("Score: more hand-computed cases", .tags(.pure))
struct ScoreOwnCasesTests {
    static let casesJSON = #"""
    [
     {"name": "A_sleep_fallbacks_and_efficiency",
      "worked": [
       "06-09 TIB 480, total 360 -> 360, eff 75; 06-10 TIB 480, deep+rem+light 60+90+210 = 360, eff 75",
       "06-11 TIB 420, awake 84 -> 336, eff 80; 06-12 02:00+02:00 to 08:00+02:00 = 00:00Z to 06:00Z: TIB 360 only -> 360 assumed, no eff; 06-13 date-only 390, eff given 70",
       "06-15 (D) and 06-07 are outside the window",
       "hours (360+360+336+360+390)/5 = 361.2 min = 6.02 h -> 70 + 30*0.02 = 70.6; eff (75+75+80+70)/4 = 75 -> 100*10/20 = 50 (low)",
       "sleep (80*70.6 + 20*50)/100 = 66.48 -> 66.5; BP 110/70 -> 100 (normal); RHR 60 -> 100",
       "overall (15*66.48 + 15*100 + 10*100)/40 = 3497.2/40 = 87.43 -> 87.4; sleep contribution 66.48*15/40 = 24.93 -> 24.9, effective 37.5; RHR 25.0"
      ],
      "input": [
       {"method": "POST", "path": "/api/sleep-activity/", "body": {"start_time": "2025-06-08T23:00:00Z", "end_time": "2025-06-09T07:00:00Z", "total_sleep_minutes": 360}},
       {"method": "POST", "path": "/api/sleep-activity/", "body": {"start_time": "2025-06-09T22:00:00Z", "end_time": "2025-06-10T06:00:00Z", "deep_minutes": 60, "rem_minutes": 90, "light_minutes": 210}},
       {"method": "POST", "path": "/api/sleep-activity/", "body": {"start_time": "2025-06-10T23:00:00Z", "end_time": "2025-06-11T06:00:00Z", "awake_minutes": 84, "deep_minutes": 60}},
       {"method": "POST", "path": "/api/sleep-activity/", "body": {"start_time": "2025-06-12T02:00:00+02:00", "end_time": "2025-06-12T08:00:00+02:00"}},
       {"method": "POST", "path": "/api/sleep-activity/", "body": {"date": "2025-06-13", "total_sleep_minutes": 390, "efficiency_percent": 70}},
       {"method": "POST", "path": "/api/sleep-activity/", "body": {"date": "2025-06-15", "total_sleep_minutes": 60}},
       {"method": "POST", "path": "/api/sleep-activity/", "body": {"date": "2025-06-07", "total_sleep_minutes": 60}},
       {"method": "POST", "path": "/api/bio-metrics/", "body": {"recorded": "2025-06-01T07:00:00Z", "systolic_bp_mmhg": 110, "diastolic_bp_mmhg": 70, "resting_heart_rate_bpm": 60}},
       {"method": "GET", "path": "/api/get_health_score", "query": {"user_uuid": "${user_uuid}", "as_of": "2025-06-15T12:00:00Z"}}
      ],
      "expected": {"status": 200, "body": {
       "score": 87.4, "band": "high", "coverage_percent": 40,
       "components": {
        "sleep": {"status": "available", "score": 66.5, "weight": 15, "effective_weight_percent": 37.5, "contribution": 24.9, "missing_metrics": [],
         "metrics": {"mean_sleep_hours": {"value": 6.0, "score": 70.6, "category": "below_recommended", "weight": 80, "days_with_data": 5},
                     "mean_sleep_efficiency_percent": {"value": 75.0, "score": 50.0, "category": "low", "weight": 20, "days_with_data": 4}}},
        "blood_pressure": {"score": 100.0, "contribution": 37.5, "category": "normal"},
        "resting_heart_rate": {"score": 100.0, "weight": 10, "effective_weight_percent": 25.0, "contribution": 25.0}},
       "missing_components": [{"component": "activity", "reason": "no_data_in_window"}, {"component": "body_mass_index", "reason": "no_data_in_window"},
                              {"component": "glucose", "reason": "no_data_in_window"}, {"component": "lipids", "reason": "no_data_in_window"}]}}},

     {"name": "B_partial_panels_ldl_fallback_old_height_latest_three",
      "worked": [
       "activity: 06-08 30 + 2*10 = 50; 06-09 2*20 = 40; 06-10 active 45; 06-11 moderate 0 (data); 06-12 moderate 10 (split wins over active 60); 06-13 calories only; 06-15 is D (out)",
       "MVPA (50+40+45+0+10)*7/5 = 203 -> 100 (meets_guideline); steps (6000*3 + 3000)/4 = 5250 -> 50 + 30*250/2500 = 53 (low_active); activity (70*100 + 30*53)/100 = 85.9",
       "bmi: weight 80.1 (06-14; the 06-15T12:00:01 reading is after as_of), height 172.5 from 2019 -> 80.1/1.725^2 = 14240/529 = 26.92 -> 100 - 30*(1015/529)/5 = 46810/529 = 88.49 -> 88.5 (overweight)",
       "bp: latest 3 with BP: 06-14 150/85, 06-01 144/88, 05-01 138/92 (04-01 100/60 is 4th) -> SBP 144 -> 50 - 25*4/20 = 45; DBP 265/3 = 88.33 -> 100 - 50*(25/3)/10 = 58.33; min 45; stage_2 (SBP >= 140)",
       "rhr: 06-14 75, 05-01 81, 04-01 50 (03-17T23:59:59 is before D-89) -> 206/3 = 68.67 -> 100 - 30*(26/3)/20 = 87",
       "glucose: FPG 140 (01-10) -> 60 - 20*14/28 = 50; HbA1c 6.1 (06-01) -> 100 - 40*0.4/0.8 = 80; min 50",
       "lipids: the only test with total + HDL is 2024-06-15 = D-365 (out) -> LDL 145 -> 60 - 20*15/30 = 50; HDL 38 -> 70*18/20 = 63; TG 260 -> 70 - 30*60/300 = 64; (60*50 + 20*63 + 20*64)/100 = 55.4",
       "overall (15*(85.9 + 46810/529 + 45 + 50 + 55.4) + 10*87)/85 = 67.55 -> 67.6 (moderate); effective 1500/85 = 17.6, 1000/85 = 11.8",
       "contributions: 85.9*15/85 = 15.16 -> 15.2; 88.49*15/85 = 15.6; 45*15/85 = 7.94 -> 7.9; 50*15/85 = 8.82 -> 8.8; 55.4*15/85 = 9.78 -> 9.8; 870/85 = 10.24 -> 10.2"
      ],
      "input": [
       {"method": "POST", "path": "/api/physical-activity/", "body": {"date": "2025-06-08", "moderate_minutes": 30, "vigorous_minutes": 10, "steps": 6000}},
       {"method": "POST", "path": "/api/physical-activity/", "body": {"date": "2025-06-09", "vigorous_minutes": 20, "steps": 6000}},
       {"method": "POST", "path": "/api/physical-activity/", "body": {"date": "2025-06-10", "active_minutes": 45, "steps": 6000}},
       {"method": "POST", "path": "/api/physical-activity/", "body": {"date": "2025-06-11", "moderate_minutes": 0, "steps": 3000}},
       {"method": "POST", "path": "/api/physical-activity/", "body": {"date": "2025-06-12", "active_minutes": 60, "moderate_minutes": 10}},
       {"method": "POST", "path": "/api/physical-activity/", "body": {"date": "2025-06-13", "calories_kcal": 2000}},
       {"method": "POST", "path": "/api/physical-activity/", "body": {"date": "2025-06-15", "moderate_minutes": 500, "steps": 20000}},
       {"method": "POST", "path": "/api/bio-metrics/", "body": {"recorded": "2019-03-01T08:00:00Z", "height_cm": 172.5}},
       {"method": "POST", "path": "/api/bio-metrics/", "body": {"recorded": "2025-06-14T08:00:00Z", "weight_kg": 80.1, "systolic_bp_mmhg": 150, "diastolic_bp_mmhg": 85, "resting_heart_rate_bpm": 75}},
       {"method": "POST", "path": "/api/bio-metrics/", "body": {"recorded": "2025-06-01T08:00:00Z", "systolic_bp_mmhg": 144, "diastolic_bp_mmhg": 88}},
       {"method": "POST", "path": "/api/bio-metrics/", "body": {"recorded": "2025-05-01T08:00:00Z", "systolic_bp_mmhg": 138, "diastolic_bp_mmhg": 92, "resting_heart_rate_bpm": 81}},
       {"method": "POST", "path": "/api/bio-metrics/", "body": {"recorded": "2025-04-01T08:00:00Z", "systolic_bp_mmhg": 100, "diastolic_bp_mmhg": 60, "resting_heart_rate_bpm": 50}},
       {"method": "POST", "path": "/api/bio-metrics/", "body": {"recorded": "2025-03-17T23:59:59Z", "resting_heart_rate_bpm": 200}},
       {"method": "POST", "path": "/api/bio-metrics/", "body": {"recorded": "2025-06-15T12:00:01Z", "weight_kg": 200, "height_cm": 150}},
       {"method": "POST", "path": "/api/blood-tests/", "body": {"test_date": "2025-06-01", "hdl_cholesterol_mg_dl": 38, "hba1c_percent": 6.1}},
       {"method": "POST", "path": "/api/blood-tests/", "body": {"test_date": "2025-01-10", "fasting_glucose_mg_dl": 140, "ldl_cholesterol_mg_dl": 145, "triglycerides_mg_dl": 260}},
       {"method": "POST", "path": "/api/blood-tests/", "body": {"test_date": "2024-06-15", "total_cholesterol_mg_dl": 300, "hdl_cholesterol_mg_dl": 30, "fasting_glucose_mg_dl": 300}},
       {"method": "GET", "path": "/api/get_health_score", "query": {"user_uuid": "${user_uuid}", "as_of": "2025-06-15T12:00:00Z"}}
      ],
      "expected": {"status": 200, "body": {
       "score": 67.6, "band": "moderate", "coverage_percent": 85,
       "missing_components": [{"component": "sleep", "reason": "no_data_in_window"}],
       "components": {
        "activity": {"score": 85.9, "effective_weight_percent": 17.6, "contribution": 15.2, "missing_metrics": [],
         "metrics": {"weekly_mvpa_minutes": {"value": 203.0, "score": 100.0, "category": "meets_guideline", "weight": 70, "days_with_data": 5},
                     "mean_daily_steps": {"value": 5250.0, "score": 53.0, "category": "low_active", "weight": 30, "days_with_data": 4}}},
        "sleep": {"status": "missing", "weight": 15, "reason": "no_data_in_window"},
        "body_mass_index": {"score": 88.5, "contribution": 15.6, "metrics": {"bmi": {"value": 26.9, "score": 88.5, "category": "overweight",
         "weight_kg": 80.1, "height_cm": 172.5, "weight_recorded": "2025-06-14T08:00:00Z", "height_recorded": "2019-03-01T08:00:00Z"}}},
        "blood_pressure": {"score": 45.0, "contribution": 7.9, "category": "stage_2_hypertension",
         "metrics": {"systolic_bp_mmhg": {"value": 144.0, "score": 45.0, "readings_used": 3}, "diastolic_bp_mmhg": {"value": 88.3, "score": 58.3, "readings_used": 3}}},
        "glucose": {"score": 50.0, "contribution": 8.8, "missing_metrics": [],
         "metrics": {"fasting_glucose_mg_dl": {"value": 140.0, "score": 50.0, "category": "diabetes_range", "test_date": "2025-01-10"},
                     "hba1c_percent": {"value": 6.1, "score": 80.0, "category": "prediabetes", "test_date": "2025-06-01"}}},
        "lipids": {"score": 55.4, "contribution": 9.8, "missing_metrics": [],
         "metrics": {"ldl_cholesterol_mg_dl": {"value": 145.0, "score": 50.0, "category": "borderline_high", "weight": 60, "test_date": "2025-01-10"},
                     "hdl_cholesterol_mg_dl": {"value": 38.0, "score": 63.0, "category": "low", "weight": 20, "test_date": "2025-06-01"},
                     "triglycerides_mg_dl": {"value": 260.0, "score": 64.0, "category": "high", "weight": 20, "test_date": "2025-01-10"}}},
        "resting_heart_rate": {"score": 87.0, "effective_weight_percent": 11.8, "contribution": 10.2,
         "metrics": {"resting_heart_rate_bpm": {"value": 68.7, "score": 87.0, "category": "normal", "readings_used": 3}}}}}}},

     {"name": "C_half_away_from_zero_96_25",
      "worked": [
       "activity: 5 days x 15 active min -> 75*7/5 = 105 -> 85 (below_guideline); no steps -> mean_daily_steps missing, 0 days",
       "bmi 70/1.75^2 = 22.86 -> 100 (normal); BP 110/70 -> 100; HbA1c 5.0 -> 100 (normal)",
       "overall 15*(85 + 100 + 100 + 100)/60 = 96.25 -> 96.3 (half-even would give 96.2); activity contribution 85*15/60 = 21.25 -> 21.3"
      ],
      "input": [
       {"method": "POST", "path": "/api/physical-activity/", "body": {"date": "2025-06-08", "active_minutes": 15}},
       {"method": "POST", "path": "/api/physical-activity/", "body": {"date": "2025-06-09", "active_minutes": 15}},
       {"method": "POST", "path": "/api/physical-activity/", "body": {"date": "2025-06-10", "active_minutes": 15}},
       {"method": "POST", "path": "/api/physical-activity/", "body": {"date": "2025-06-11", "active_minutes": 15}},
       {"method": "POST", "path": "/api/physical-activity/", "body": {"date": "2025-06-12", "active_minutes": 15}},
       {"method": "POST", "path": "/api/bio-metrics/", "body": {"recorded": "2025-06-01T07:00:00Z", "weight_kg": 70, "height_cm": 175, "systolic_bp_mmhg": 110, "diastolic_bp_mmhg": 70}},
       {"method": "POST", "path": "/api/blood-tests/", "body": {"test_date": "2025-05-01", "hba1c_percent": 5.0}},
       {"method": "GET", "path": "/api/get_health_score", "query": {"user_uuid": "${user_uuid}", "as_of": "2025-06-15T12:00:00Z"}}
      ],
      "expected": {"status": 200, "body": {
       "score": 96.3, "band": "high", "coverage_percent": 60,
       "components": {
        "activity": {"score": 85.0, "effective_weight_percent": 25.0, "contribution": 21.3,
         "missing_metrics": [{"metric": "mean_daily_steps", "reason": "no_data_in_window", "days_with_data": 0}]},
        "body_mass_index": {"metrics": {"bmi": {"value": 22.9, "score": 100.0, "category": "normal"}}},
        "glucose": {"score": 100.0, "missing_metrics": [{"metric": "fasting_glucose_mg_dl", "reason": "no_data_in_window"}]}}}}},

     {"name": "D_band_from_rounded_score",
      "worked": [
       "HbA1c 7.015 -> 40 - 10*0.015 = 39.85 -> shown 39.9 (value 7.0, diabetes_range); BP 110/70 -> 100; bmi 70/1.75^2 -> 100",
       "overall (1500 + 1500 + 15*39.85)/45 = 3597.75/45 = 79.95 exactly -> 80.0 -> band high (the exact 79.95 would be moderate)",
       "glucose contribution 39.85*15/45 = 13.28 -> 13.3; effective 33.3"
      ],
      "input": [
       {"method": "POST", "path": "/api/bio-metrics/", "body": {"recorded": "2025-06-01T07:00:00Z", "weight_kg": 70, "height_cm": 175, "systolic_bp_mmhg": 110, "diastolic_bp_mmhg": 70}},
       {"method": "POST", "path": "/api/blood-tests/", "body": {"test_date": "2025-05-01", "hba1c_percent": 7.015}},
       {"method": "GET", "path": "/api/get_health_score", "query": {"user_uuid": "${user_uuid}", "as_of": "2025-06-15T12:00:00Z"}}
      ],
      "expected": {"status": 200, "body": {
       "score": 80.0, "band": "high", "coverage_percent": 45,
       "components": {"glucose": {"score": 39.9, "effective_weight_percent": 33.3, "contribution": 13.3,
        "metrics": {"hba1c_percent": {"value": 7.0, "score": 39.9, "category": "diabetes_range", "test_date": "2025-05-01"}}}}}}},

     {"name": "E_422_bmi_out_of_range_and_too_few_activity_days",
      "worked": [
       "bmi 30/2^2 = 7.5 < 10 -> bmi_out_of_range; activity on 2 days -> too_few_days",
       "sleep 4 nights of 480 -> 8 h -> present; BP 120/80 -> present; 2 < 3 -> 422"
      ],
      "input": [
       {"method": "POST", "path": "/api/physical-activity/", "body": {"date": "2025-06-13", "steps": 9000}},
       {"method": "POST", "path": "/api/physical-activity/", "body": {"date": "2025-06-14", "moderate_minutes": 40}},
       {"method": "POST", "path": "/api/sleep-activity/", "body": {"date": "2025-06-08", "total_sleep_minutes": 480}},
       {"method": "POST", "path": "/api/sleep-activity/", "body": {"date": "2025-06-10", "total_sleep_minutes": 480}},
       {"method": "POST", "path": "/api/sleep-activity/", "body": {"date": "2025-06-12", "total_sleep_minutes": 480}},
       {"method": "POST", "path": "/api/sleep-activity/", "body": {"date": "2025-06-14", "total_sleep_minutes": 480}},
       {"method": "POST", "path": "/api/bio-metrics/", "body": {"recorded": "2025-06-14T07:00:00+09:00", "weight_kg": 30, "height_cm": 200, "systolic_bp_mmhg": 120, "diastolic_bp_mmhg": 80}},
       {"method": "GET", "path": "/api/get_health_score", "query": {"user_uuid": "${user_uuid}", "as_of": "2025-06-15T12:00:00Z"}}
      ],
      "expected": {"status": 422, "body": {
       "type": "/problems/insufficient-data", "title": "Insufficient data for a health score", "status": 422,
       "version": "health-score-v1.0.0", "as_of": "2025-06-15T12:00:00Z",
       "available_components": ["sleep", "blood_pressure"],
       "missing_components": [{"component": "activity", "reason": "too_few_days"}, {"component": "body_mass_index", "reason": "bmi_out_of_range"},
                              {"component": "glucose", "reason": "no_data_in_window"}, {"component": "lipids", "reason": "no_data_in_window"},
                              {"component": "resting_heart_rate", "reason": "no_data_in_window"}]}}}
    ]
    """#

    static let cases: [JSONValue] = (try? JSONValue.parse(Array(casesJSON.utf8)).arrayValue) ?? []

    @Test("the cases parse")
    func casesParse() {
        #expect(Self.cases.count == 5)
    }

    @Test("case", arguments: cases.compactMap { $0["name"]?.stringValue })
    func handComputed(name: String) throws {
        let testCase = try #require(Self.cases.first { $0["name"]?.stringValue == name })
        let calls = try #require(testCase["input"]?.arrayValue)
        let asOfText = try #require(calls.last?["query"]?["as_of"]?.stringValue)
        let asOf = try #require(Instant(rfc3339: asOfText))
        var inputs = ScoreInputs(userUUID: ScoreFixture.user, asOf: asOf)
        for call in calls.dropLast() {
            try ScoreCasesTests.add(call, to: &inputs)
        }
        let outcome = try HealthScoreEngine.evaluate(inputs)
        let expected = try #require(testCase["expected"])
        #expect(Decimal(outcome.httpStatus) == expected["status"]?.numberValue)
        let mismatches = try #require(expected["body"]).subsetMismatches(in: try JSONValue.parse(outcome.jsonBytes()))
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
    }
}
