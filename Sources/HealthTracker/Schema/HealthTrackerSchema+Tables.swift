extension HealthTrackerSchema {
    /// Migration 1. Every CHECK is named `<table>_<field>_<rule>` after the field it guards
    /// (see `HealthTrackerSchema.field(forConstraint:)`). Ranges mirror health-score.md §1.
    /// Keys are (user_uuid, time) primary keys: they serve the newest-first list queries
    /// (backward index scans) and the score's window reads, and TimescaleDB accepts them
    /// because they contain the time column. No surrogate ids.
    static let createTablesSQL = """
        CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.updated_at := now();
            RETURN NEW;
        END $$;

        CREATE TABLE users (
            user_uuid uuid NOT NULL,
            email text NOT NULL,
            full_name text NOT NULL,
            date_of_birth date,
            sex text,
            created_at timestamptz NOT NULL DEFAULT now(),
            updated_at timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT users_pkey PRIMARY KEY (user_uuid),
            CONSTRAINT users_email_format CHECK (
                char_length(email) <= 254 AND email LIKE '_%@_%' AND email NOT LIKE '%@%@%'),
            CONSTRAINT users_full_name_length CHECK (char_length(full_name) BETWEEN 1 AND 200),
            -- "Not in the future" moves with the clock, so only the application checks it.
            CONSTRAINT users_date_of_birth_range CHECK (date_of_birth >= DATE '1900-01-01'),
            CONSTRAINT users_sex_value CHECK (sex IN ('female', 'male', 'other', 'unspecified'))
        );
        CREATE UNIQUE INDEX users_email_key ON users (lower(email));
        CREATE INDEX users_created_at_idx ON users (created_at DESC, user_uuid DESC);
        CREATE TRIGGER users_updated_at BEFORE UPDATE ON users
            FOR EACH ROW EXECUTE FUNCTION set_updated_at();

        CREATE TABLE blood_tests (
            user_uuid uuid NOT NULL,
            test_date date NOT NULL,
            fasting_glucose_mg_dl numeric,
            hba1c_percent numeric,
            total_cholesterol_mg_dl numeric,
            ldl_cholesterol_mg_dl numeric,
            hdl_cholesterol_mg_dl numeric,
            triglycerides_mg_dl numeric,
            hemoglobin_g_dl numeric,
            created_at timestamptz NOT NULL DEFAULT now(),
            updated_at timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT blood_tests_pkey PRIMARY KEY (user_uuid, test_date),
            CONSTRAINT blood_tests_user_uuid_fkey FOREIGN KEY (user_uuid)
                REFERENCES users (user_uuid) ON DELETE CASCADE,
            CONSTRAINT blood_tests_fasting_glucose_mg_dl_range CHECK (fasting_glucose_mg_dl BETWEEN 20 AND 1000),
            CONSTRAINT blood_tests_hba1c_percent_range CHECK (hba1c_percent BETWEEN 3.0 AND 20.0),
            CONSTRAINT blood_tests_total_cholesterol_mg_dl_range CHECK (total_cholesterol_mg_dl BETWEEN 50 AND 1000),
            CONSTRAINT blood_tests_ldl_cholesterol_mg_dl_range CHECK (ldl_cholesterol_mg_dl BETWEEN 10 AND 900),
            CONSTRAINT blood_tests_hdl_cholesterol_mg_dl_range CHECK (hdl_cholesterol_mg_dl BETWEEN 5 AND 250),
            CONSTRAINT blood_tests_triglycerides_mg_dl_range CHECK (triglycerides_mg_dl BETWEEN 10 AND 10000),
            CONSTRAINT blood_tests_hemoglobin_g_dl_range CHECK (hemoglobin_g_dl BETWEEN 3 AND 25),
            CONSTRAINT blood_tests_ldl_cholesterol_mg_dl_below_total CHECK (ldl_cholesterol_mg_dl < total_cholesterol_mg_dl),
            CONSTRAINT blood_tests_hdl_cholesterol_mg_dl_below_total CHECK (hdl_cholesterol_mg_dl < total_cholesterol_mg_dl),
            CONSTRAINT blood_tests_analytes_present CHECK (num_nonnulls(
                fasting_glucose_mg_dl, hba1c_percent, total_cholesterol_mg_dl, ldl_cholesterol_mg_dl,
                hdl_cholesterol_mg_dl, triglycerides_mg_dl, hemoglobin_g_dl) >= 1)
        );
        CREATE TRIGGER blood_tests_updated_at BEFORE UPDATE ON blood_tests
            FOR EACH ROW EXECUTE FUNCTION set_updated_at();

        CREATE TABLE bio_metrics (
            user_uuid uuid NOT NULL,
            recorded timestamptz NOT NULL,
            weight_kg numeric,
            height_cm numeric,
            systolic_bp_mmhg numeric,
            diastolic_bp_mmhg numeric,
            resting_heart_rate_bpm numeric,
            body_temperature_c numeric,
            spo2_percent numeric,
            created_at timestamptz NOT NULL DEFAULT now(),
            updated_at timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT bio_metrics_pkey PRIMARY KEY (user_uuid, recorded),
            CONSTRAINT bio_metrics_user_uuid_fkey FOREIGN KEY (user_uuid)
                REFERENCES users (user_uuid) ON DELETE CASCADE,
            CONSTRAINT bio_metrics_weight_kg_range CHECK (weight_kg BETWEEN 20 AND 500),
            CONSTRAINT bio_metrics_height_cm_range CHECK (height_cm BETWEEN 100 AND 250),
            CONSTRAINT bio_metrics_systolic_bp_mmhg_range CHECK (systolic_bp_mmhg BETWEEN 60 AND 260),
            CONSTRAINT bio_metrics_diastolic_bp_mmhg_range CHECK (diastolic_bp_mmhg BETWEEN 30 AND 160),
            CONSTRAINT bio_metrics_diastolic_bp_mmhg_pair CHECK ((systolic_bp_mmhg IS NULL) = (diastolic_bp_mmhg IS NULL)),
            CONSTRAINT bio_metrics_systolic_bp_mmhg_above_diastolic CHECK (systolic_bp_mmhg > diastolic_bp_mmhg),
            CONSTRAINT bio_metrics_resting_heart_rate_bpm_range CHECK (resting_heart_rate_bpm BETWEEN 25 AND 200),
            CONSTRAINT bio_metrics_body_temperature_c_range CHECK (body_temperature_c BETWEEN 30.0 AND 45.0),
            CONSTRAINT bio_metrics_spo2_percent_range CHECK (spo2_percent BETWEEN 50 AND 100),
            CONSTRAINT bio_metrics_measurements_present CHECK (num_nonnulls(
                weight_kg, height_cm, systolic_bp_mmhg, diastolic_bp_mmhg, resting_heart_rate_bpm,
                body_temperature_c, spo2_percent) >= 1)
        );
        -- The score's latest height has no lower time bound: without this it would walk the
        -- user's whole history back to the last reading with a height.
        CREATE INDEX bio_metrics_height_idx ON bio_metrics (user_uuid, recorded DESC) WHERE height_cm IS NOT NULL;
        CREATE TRIGGER bio_metrics_updated_at BEFORE UPDATE ON bio_metrics
            FOR EACH ROW EXECUTE FUNCTION set_updated_at();

        CREATE TABLE physical_activity (
            user_uuid uuid NOT NULL,
            date date NOT NULL,
            steps integer,
            moderate_minutes numeric,
            vigorous_minutes numeric,
            active_minutes numeric,
            calories_kcal numeric,
            distance_km numeric,
            created_at timestamptz NOT NULL DEFAULT now(),
            updated_at timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT physical_activity_pkey PRIMARY KEY (user_uuid, date),
            CONSTRAINT physical_activity_user_uuid_fkey FOREIGN KEY (user_uuid)
                REFERENCES users (user_uuid) ON DELETE CASCADE,
            CONSTRAINT physical_activity_steps_range CHECK (steps BETWEEN 0 AND 100000),
            CONSTRAINT physical_activity_moderate_minutes_range CHECK (moderate_minutes BETWEEN 0 AND 1440),
            CONSTRAINT physical_activity_vigorous_minutes_range CHECK (vigorous_minutes BETWEEN 0 AND 1440),
            CONSTRAINT physical_activity_vigorous_minutes_sum CHECK (
                coalesce(moderate_minutes, 0) + coalesce(vigorous_minutes, 0) <= 1440),
            CONSTRAINT physical_activity_active_minutes_range CHECK (active_minutes BETWEEN 0 AND 1440),
            CONSTRAINT physical_activity_calories_kcal_range CHECK (calories_kcal BETWEEN 0 AND 20000),
            CONSTRAINT physical_activity_distance_km_range CHECK (distance_km BETWEEN 0 AND 500),
            CONSTRAINT physical_activity_fields_present CHECK (num_nonnulls(
                steps, moderate_minutes, vigorous_minutes, active_minutes, calories_kcal, distance_km) >= 1)
        );
        CREATE TRIGGER physical_activity_updated_at BEFORE UPDATE ON physical_activity
            FOR EACH ROW EXECUTE FUNCTION set_updated_at();

        -- time_in_bed(start, end) in minutes, exact (numeric), for the cross-field checks.
        CREATE FUNCTION sleep_time_in_bed_minutes(start_time timestamptz, end_time timestamptz)
            RETURNS numeric LANGUAGE sql IMMUTABLE STRICT
            RETURN EXTRACT(EPOCH FROM (end_time - start_time)) / 60;

        CREATE TABLE sleep_activity (
            user_uuid uuid NOT NULL,
            date date NOT NULL,
            start_time timestamptz,
            end_time timestamptz,
            total_sleep_minutes numeric,
            deep_minutes numeric,
            rem_minutes numeric,
            light_minutes numeric,
            awake_minutes numeric,
            awakenings integer,
            efficiency_percent numeric,
            created_at timestamptz NOT NULL DEFAULT now(),
            updated_at timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT sleep_activity_pkey PRIMARY KEY (user_uuid, date),
            CONSTRAINT sleep_activity_user_uuid_fkey FOREIGN KEY (user_uuid)
                REFERENCES users (user_uuid) ON DELETE CASCADE,
            CONSTRAINT sleep_activity_end_time_pair CHECK ((start_time IS NULL) = (end_time IS NULL)),
            CONSTRAINT sleep_activity_end_time_after_start CHECK (end_time > start_time),
            CONSTRAINT sleep_activity_end_time_time_in_bed CHECK (end_time - start_time <= INTERVAL '1440 minutes'),
            CONSTRAINT sleep_activity_date_matches_end_time CHECK (date = (end_time AT TIME ZONE 'UTC')::date),
            CONSTRAINT sleep_activity_total_sleep_minutes_range CHECK (total_sleep_minutes BETWEEN 0 AND 1440),
            CONSTRAINT sleep_activity_total_sleep_minutes_required CHECK (
                start_time IS NOT NULL OR total_sleep_minutes IS NOT NULL),
            CONSTRAINT sleep_activity_total_sleep_minutes_time_in_bed CHECK (
                total_sleep_minutes <= sleep_time_in_bed_minutes(start_time, end_time)),
            CONSTRAINT sleep_activity_deep_minutes_range CHECK (deep_minutes BETWEEN 0 AND 1440),
            CONSTRAINT sleep_activity_rem_minutes_range CHECK (rem_minutes BETWEEN 0 AND 1440),
            CONSTRAINT sleep_activity_light_minutes_range CHECK (light_minutes BETWEEN 0 AND 1440),
            CONSTRAINT sleep_activity_light_minutes_stages_time_in_bed CHECK (
                coalesce(deep_minutes, 0) + coalesce(rem_minutes, 0) + coalesce(light_minutes, 0)
                    <= coalesce(sleep_time_in_bed_minutes(start_time, end_time), 1440)),
            CONSTRAINT sleep_activity_awake_minutes_range CHECK (awake_minutes BETWEEN 0 AND 1440),
            CONSTRAINT sleep_activity_awake_minutes_time_in_bed CHECK (
                awake_minutes <= sleep_time_in_bed_minutes(start_time, end_time)),
            CONSTRAINT sleep_activity_awakenings_range CHECK (awakenings BETWEEN 0 AND 200),
            CONSTRAINT sleep_activity_efficiency_percent_range CHECK (efficiency_percent BETWEEN 0 AND 100)
        );
        CREATE TRIGGER sleep_activity_updated_at BEFORE UPDATE ON sleep_activity
            FOR EACH ROW EXECUTE FUNCTION set_updated_at();

        -- The score's latest weight and 3 latest BP and resting-HR readings in its 90-day
        -- window: readings are unique per instant, not per day, so only an index holding just
        -- the readings with the field bounds each read by its LIMIT.
        CREATE INDEX bio_metrics_weight_idx ON bio_metrics (user_uuid, recorded DESC) WHERE weight_kg IS NOT NULL;
        CREATE INDEX bio_metrics_blood_pressure_idx ON bio_metrics (user_uuid, recorded DESC) WHERE systolic_bp_mmhg IS NOT NULL;
        CREATE INDEX bio_metrics_resting_heart_rate_idx ON bio_metrics (user_uuid, recorded DESC)
            WHERE resting_heart_rate_bpm IS NOT NULL;
        """
}
