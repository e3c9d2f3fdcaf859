import HealthTracker
import LambdaRuntime

// The users function: its routes of the API table, served by the shared handlers.
Lambda.run { context in try HealthTrackerFunction.makeHandler(.users, context: context) }
