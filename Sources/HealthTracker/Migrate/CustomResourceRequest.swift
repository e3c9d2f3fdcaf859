import FoundationEssentials

/// The event CloudFormation sends a custom resource's function (the fields used here).
struct CustomResourceRequest: Decodable, Sendable {
    enum RequestType: String, Decodable, Sendable {
        case create = "Create", update = "Update", delete = "Delete"
    }

    let requestType: RequestType
    /// Pre-signed S3 URL that takes the one answer, by PUT.
    let responseURL: String
    let stackID: String
    let requestID: String
    let logicalResourceID: String
    /// Absent on Create; what the last answer said otherwise.
    let physicalResourceID: String?

    enum CodingKeys: String, CodingKey {
        case requestType = "RequestType"
        case responseURL = "ResponseURL"
        case stackID = "StackId"
        case requestID = "RequestId"
        case logicalResourceID = "LogicalResourceId"
        case physicalResourceID = "PhysicalResourceId"
    }

    init(decoding event: [UInt8]) throws(FunctionError) {
        do {
            self = try JSONDecoder().decode(CustomResourceRequest.self, from: Data(event))
        } catch {
            // DecodingError text names keys, never values.
            throw FunctionError(code: .badEvent, message: "not a CloudFormation custom resource event: \(error)")
        }
    }
}
