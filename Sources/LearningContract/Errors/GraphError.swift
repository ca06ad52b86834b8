/// An error as Graph returns it: status, code, message and details, plus the catalog row it comes from.
public struct GraphError: Codable, Sendable, Hashable {
    public struct Detail: Codable, Sendable, Hashable {
        public var code: String
        public var message: String
        public var target: String?
        public init(code: String, message: String, target: String? = nil) {
            self.code = code
            self.message = message
            self.target = target
        }
    }

    public var status: Int
    public var code: String
    public var message: String
    public var details: [Detail]
    public var row: ErrorRow.ID

    public init(status: Int, code: String, message: String, details: [Detail] = [], row: ErrorRow.ID) {
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        self.row = row
    }

    /// The Graph error envelope (learn.microsoft.com/graph/errors, Error resource type):
    /// `{"error":{"code","message","details"?,"innerError":{"date","request-id","client-request-id"}}}`.
    /// `details` appears only when there are some; `innerError` only when a request context is given.
    public func body(innerError: InnerError?) -> JSONValue {
        var error: JSONObject = ["code": .string(code), "message": .string(message)]
        if !details.isEmpty {
            error["details"] = .array(details.map { detail in
                var object: JSONObject = ["code": .string(detail.code), "message": .string(detail.message)]
                if let target = detail.target { object["target"] = .string(target) }
                return .object(object)
            })
        }
        if let innerError {
            var inner: JSONObject = ["date": .string(innerError.date), "request-id": .string(innerError.requestID)]
            if let client = innerError.clientRequestID { inner["client-request-id"] = .string(client) }
            error["innerError"] = .object(inner)
        }
        return .object(["error": .object(error)])
    }
}

/// The per-request part of an error body (learn.microsoft.com/graph/errors, Error resource type, SDK `InnerError`).
public struct InnerError: Codable, Sendable, Hashable {
    /// ISO 8601 UTC date of the error, like `2021-07-02T01:40:19`.
    public var date: String
    public var requestID: String
    /// Echo of the request's `client-request-id` header.
    public var clientRequestID: String?

    public init(date: String, requestID: String, clientRequestID: String? = nil) {
        self.date = date
        self.requestID = requestID
        self.clientRequestID = clientRequestID
    }

    enum CodingKeys: String, CodingKey {
        case date
        case requestID = "request-id"
        case clientRequestID = "client-request-id"
    }
}
