import HealthTracker
import LambdaRuntime

// The migrate function: a CloudFormation custom resource that applies the schema migrations.
Lambda.run { context in SchemaMigrationHandler(environment: context.environment) }
