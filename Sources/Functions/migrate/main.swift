import CGlibcCompat
import HealthTracker
import LambdaRuntime

// The migrate function: a CloudFormation custom resource that applies the schema migrations.
_ = cglibc_compat_linked()
Lambda.run { context in SchemaMigrationHandler(environment: context.environment) }
