import HealthTracker
import LambdaRuntime

// The physical_activity function: its routes of the API table, served by the shared handlers.
Lambda.run { context in try HealthTrackerFunction.makeHandler(.physicalActivity, context: context) }
