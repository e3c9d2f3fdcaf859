extension HealthTrackerSchema {
    /// The request field a violated constraint is about, for `invalid_params` (422) and
    /// conflicts (409). Nil for a name this schema does not define.
    public static func field(forConstraint name: String) -> String? {
        constraintFields[name]
    }

    /// Every named constraint of migration 1 and the field it reports. A test checks that
    /// this covers every constraint in the database.
    public static let constraintFields: [String: String] = [
        "users_pkey": "user_uuid",
        "users_email_key": "email",
        "users_email_format": "email",
        "users_full_name_length": "full_name",
        "users_date_of_birth_range": "date_of_birth",
        "users_sex_value": "sex",

        "blood_tests_pkey": "test_date",
        "blood_tests_user_uuid_fkey": "user_uuid",
        "blood_tests_fasting_glucose_mg_dl_range": "fasting_glucose_mg_dl",
        "blood_tests_hba1c_percent_range": "hba1c_percent",
        "blood_tests_total_cholesterol_mg_dl_range": "total_cholesterol_mg_dl",
        "blood_tests_ldl_cholesterol_mg_dl_range": "ldl_cholesterol_mg_dl",
        "blood_tests_hdl_cholesterol_mg_dl_range": "hdl_cholesterol_mg_dl",
        "blood_tests_triglycerides_mg_dl_range": "triglycerides_mg_dl",
        "blood_tests_hemoglobin_g_dl_range": "hemoglobin_g_dl",
        "blood_tests_ldl_cholesterol_mg_dl_below_total": "ldl_cholesterol_mg_dl",
        "blood_tests_hdl_cholesterol_mg_dl_below_total": "hdl_cholesterol_mg_dl",
        "blood_tests_analytes_present": "test_date",

        "bio_metrics_pkey": "recorded",
        "bio_metrics_user_uuid_fkey": "user_uuid",
        "bio_metrics_weight_kg_range": "weight_kg",
        "bio_metrics_height_cm_range": "height_cm",
        "bio_metrics_systolic_bp_mmhg_range": "systolic_bp_mmhg",
        "bio_metrics_diastolic_bp_mmhg_range": "diastolic_bp_mmhg",
        "bio_metrics_diastolic_bp_mmhg_pair": "diastolic_bp_mmhg",
        "bio_metrics_systolic_bp_mmhg_above_diastolic": "systolic_bp_mmhg",
        "bio_metrics_resting_heart_rate_bpm_range": "resting_heart_rate_bpm",
        "bio_metrics_body_temperature_c_range": "body_temperature_c",
        "bio_metrics_spo2_percent_range": "spo2_percent",
        "bio_metrics_measurements_present": "recorded",

        "physical_activity_pkey": "date",
        "physical_activity_user_uuid_fkey": "user_uuid",
        "physical_activity_steps_range": "steps",
        "physical_activity_moderate_minutes_range": "moderate_minutes",
        "physical_activity_vigorous_minutes_range": "vigorous_minutes",
        "physical_activity_vigorous_minutes_sum": "vigorous_minutes",
        "physical_activity_active_minutes_range": "active_minutes",
        "physical_activity_calories_kcal_range": "calories_kcal",
        "physical_activity_distance_km_range": "distance_km",
        "physical_activity_fields_present": "date",

        "sleep_activity_pkey": "date",
        "sleep_activity_user_uuid_fkey": "user_uuid",
        "sleep_activity_end_time_pair": "end_time",
        "sleep_activity_end_time_after_start": "end_time",
        "sleep_activity_end_time_time_in_bed": "end_time",
        "sleep_activity_date_matches_end_time": "date",
        "sleep_activity_total_sleep_minutes_range": "total_sleep_minutes",
        "sleep_activity_total_sleep_minutes_required": "total_sleep_minutes",
        "sleep_activity_total_sleep_minutes_time_in_bed": "total_sleep_minutes",
        "sleep_activity_deep_minutes_range": "deep_minutes",
        "sleep_activity_rem_minutes_range": "rem_minutes",
        "sleep_activity_light_minutes_range": "light_minutes",
        "sleep_activity_light_minutes_stages_time_in_bed": "light_minutes",
        "sleep_activity_awake_minutes_range": "awake_minutes",
        "sleep_activity_awake_minutes_time_in_bed": "awake_minutes",
        "sleep_activity_awakenings_range": "awakenings",
        "sleep_activity_efficiency_percent_range": "efficiency_percent",
    ]
}
