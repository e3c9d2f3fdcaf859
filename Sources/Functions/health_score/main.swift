import HealthTracker
import LambdaRuntime

// The health_score function: its routes of the API table, served by the shared handlers.
Lambda.run { context in try HealthTrackerFunction.makeHandler(.healthScore, context: context) }
