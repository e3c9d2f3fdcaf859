import HealthTracker
import LambdaRuntime

// The bio_metrics function: its routes of the API table, served by the shared handlers.
Lambda.run { context in try HealthTrackerFunction.makeHandler(.bioMetrics, context: context) }
