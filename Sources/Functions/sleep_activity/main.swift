import HealthTracker
import LambdaRuntime

// The sleep_activity function: its routes of the API table, served by the shared handlers.
Lambda.run { context in try HealthTrackerFunction.makeHandler(.sleepActivity, context: context) }
