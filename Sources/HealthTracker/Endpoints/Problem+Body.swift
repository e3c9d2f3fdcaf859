import LambdaHTTP

extension Problem {
    /// The 400 for a body that is not a strict, flat JSON object (api.md, Errors).
    ///
    /// A member name given twice is named in `invalid_params` (400, not 422: the body is
    /// not a well-formed document, and no field rule has run).
    init(bodyError error: JSONValueError) {
        switch error.code {
        case .malformed:
            self.init(.malformedBody, detail: "The body is not strict JSON (RFC 8259): \(error.message)")
        case .tooDeep:
            self.init(.malformedBody, detail: "The body must be a flat JSON object: no member may hold an object or array")
        case .duplicateMember:
            self.init(.malformedBody, detail: "A member name is given twice",
                      invalidParams: [InvalidParameter(name: error.member ?? "body", reason: "is given more than once")])
        }
    }
}
