// HealthTracker: the application. The API's routes and their functions, the records and their
// validation, the store (parameterised SQL), the schema and its migrations, the health_score
// endpoint around the HealthScore engine, configuration (database secrets from the Lambda
// extension) and the migrate custom resource.
