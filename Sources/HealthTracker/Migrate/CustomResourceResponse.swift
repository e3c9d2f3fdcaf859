import FoundationEssentials

/// The one answer CloudFormation waits for (a JSON body PUT to the request's ResponseURL).
struct CustomResourceResponse: Encodable, Sendable {
    enum Status: String, Encodable, Sendable {
        case success = "SUCCESS", failed = "FAILED"
    }

    /// CloudFormation refuses bodies over 4 KiB; a long error message is cut to fit.
    static let maximumReasonLength = 1024

    let status: Status
    let reason: String
    let physicalResourceID: String
    let stackID: String
    let requestID: String
    let logicalResourceID: String
    /// `Fn::GetAtt` attributes of the resource.
    let data: [String: String]

    enum CodingKeys: String, CodingKey {
        case status = "Status"
        case reason = "Reason"
        case physicalResourceID = "PhysicalResourceId"
        case stackID = "StackId"
        case requestID = "RequestId"
        case logicalResourceID = "LogicalResourceId"
        case data = "Data"
    }

    init(to request: CustomResourceRequest, status: Status, reason: String, physicalResourceID: String, data: [String: String] = [:]) {
        self.status = status
        self.reason = reason.count > Self.maximumReasonLength ? String(reason.prefix(Self.maximumReasonLength)) + "..." : reason
        self.physicalResourceID = physicalResourceID
        stackID = request.stackID
        requestID = request.requestID
        logicalResourceID = request.logicalResourceID
        self.data = data
    }

    var body: [UInt8] {
        // Encoding strings and a string map cannot fail.
        Array((try? JSONEncoder().encode(self)) ?? Data("{}".utf8))
    }
}
