import HealthTracker
import LambdaRuntime

// The $default route's function: api.md's 404, or 405 with Allow, for unmatched requests.
Lambda.run { context in DefaultRouteFunction.makeHandler(context: context) }
