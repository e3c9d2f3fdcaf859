import HealthTracker
import LambdaRuntime

// The blood_tests function: its routes of the API table, served by the shared handlers.
Lambda.run { context in try HealthTrackerFunction.makeHandler(.bloodTests, context: context) }
