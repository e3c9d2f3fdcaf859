import CurlHTTP
public import LambdaRuntime
public import Postgres
import UTCTime

/// The `migrate` function: a CloudFormation custom resource that applies the schema
/// migrations on Create and Update, connected as the master user, then sets the
/// application role's password from the application's secret. Delete does nothing: the
/// data outlives the resource. Every outcome is PUT to CloudFormation's response URL; a
/// failure answers FAILED, so the deployment stops and rolls back (the migrations ran in
/// one transaction, so nothing is half-applied).
public struct SchemaMigrationHandler: LambdaHandler {
    /// The function (and executable) name.
    public static let name = "migrate"
    /// What the answer names the resource: one schema per stack, the same on every update.
    public static let physicalResourceID = "schema-migrations"
    /// Time kept back from the deadline to PUT the answer.
    static let answerMarginMilliseconds: Int64 = 15_000

    let environment: [String: String]
    let migrator: Migrator

    public init(environment: [String: String], migrator: Migrator = HealthTrackerSchema.migrator) {
        self.environment = environment
        self.migrator = migrator
    }

    public mutating func handle(_ event: [UInt8], context: LambdaContext) throws -> [UInt8] {
        // Without a response URL there is nobody to answer: a function error is all there is.
        let request = try CustomResourceRequest(decoding: event)
        let physicalID = request.physicalResourceID ?? Self.physicalResourceID
        context.logger.info("custom resource request", ["requestType": request.requestType.rawValue, "logicalResourceId": request.logicalResourceID])
        let response: CustomResourceResponse
        switch request.requestType {
        case .delete:
            response = CustomResourceResponse(
                to: request, status: .success, reason: "Delete keeps the schema and its data", physicalResourceID: physicalID
            )
        case .create, .update:
            do {
                let (applied, version) = try migrate(context: context)
                context.logger.info("schema migrated", ["applied": applied.map(String.init).joined(separator: ","), "version": String(version)])
                response = CustomResourceResponse(
                    to: request, status: .success,
                    reason: applied.isEmpty ? "schema already at version \(version)" : "applied \(applied.map(String.init).joined(separator: ", "))",
                    physicalResourceID: physicalID,
                    data: ["SchemaVersion": String(version), "ApplicationRole": HealthTrackerSchema.applicationRole]
                )
            } catch {
                // Stack events reach far more readers than the secret: no password in the Reason.
                let text = SecretRedaction(environment: environment).redact(String(describing: error))
                let reason = "\(text) (log stream \(environment["AWS_LAMBDA_LOG_STREAM_NAME"] ?? "-"))"
                context.logger.error("migration failed", ["error": text])
                response = CustomResourceResponse(to: request, status: .failed, reason: reason, physicalResourceID: physicalID)
            }
        }
        try deliver(response, to: request.responseURL, context: context)
        return response.body
    }

    /// Applies the migrations as the master user and sets the application role's password.
    private func migrate(context: LambdaContext) throws -> (applied: [Int], version: Int) {
        let configuration = try DatabaseSettings.fromFunctionEnvironment(environment, applicationName: Self.name).writer
        let connection = try PostgresConnection(configuration: configuration)
        defer { connection.close() }
        // Out of time, the server stops the statement, leaving time to answer FAILED.
        let available = context.remainingMilliseconds - Self.answerMarginMilliseconds
        if available > 1000 { try connection.setStatementTimeout(milliseconds: Int(available)) }
        let applied = try migrator.migrate(connection, timescale: try TimescaleMode(environment: environment)) { note in
            context.logger.warn(note)
        }
        if let secretID = environment["APP_DATABASE_SECRET_ARN"], !secretID.isEmpty {
            let secret = try SecretsExtensionClient(environment: environment).databaseSecret(id: secretID)
            guard secret.username == HealthTrackerSchema.applicationRole else {
                throw FunctionError(
                    code: .wrongApplicationRole,
                    message: "the application secret's username is \(secret.username), not the migration's role \(HealthTrackerSchema.applicationRole)"
                )
            }
            try HealthTrackerSchema.setApplicationRolePassword(secret.password, on: connection)
        } else {
            context.logger.warn("APP_DATABASE_SECRET_ARN is not set: the application role keeps the password it has")
        }
        return (applied, try Migrator.currentVersion(connection))
    }

    /// PUTs the answer, trying again on a transport error or a 5xx. No Content-Type: the
    /// pre-signed URL does not sign one, and S3 rejects a request whose headers differ.
    private func deliver(_ response: CustomResourceResponse, to url: String, context: LambdaContext) throws {
        let body = response.body
        var lastProblem = ""
        // One handle for the retries: each keeps the connection (and TLS session) it can.
        let client: CurlHTTPClient
        do {
            client = try CurlHTTPClient(connectTimeoutMilliseconds: 5000)
        } catch {
            throw FunctionError(code: .responseNotDelivered, message: "no HTTP client for CloudFormation's response URL: \(error.message)")
        }
        for attempt in 1...3 {
            do {
                let reply = try client.perform(CurlHTTPRequest(
                    method: "PUT", url: url, headers: [("Content-Type", "")], body: body, timeoutMilliseconds: 10_000
                ))
                if (200..<300).contains(reply.status) {
                    context.logger.info("answered CloudFormation", ["status": response.status.rawValue])
                    return
                }
                lastProblem = "HTTP \(reply.status)"
                if reply.status < 500 { break }
            } catch {
                lastProblem = error.message
            }
            context.logger.warn("the response URL did not take the answer", ["attempt": String(attempt), "problem": lastProblem])
        }
        throw FunctionError(code: .responseNotDelivered, message: "CloudFormation's response URL did not take the answer: \(lastProblem)")
    }
}
