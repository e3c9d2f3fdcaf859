import APIGatewayTesting
import NIOCore

/// One request on its way through the gateway, answered on its channel.
struct PendingAnswer: Sendable {
    let request: ClientRequest
    let tooLarge: Bool
    let keepAlive: Bool
    let headOnly: Bool
    let gateway: LocalGateway
    let log: @Sendable (String) -> Void
    let channel: any Channel

    func run() async {
        let exchange: LocalGateway.Exchange
        if tooLarge {
            exchange = LocalGateway.Exchange(function: nil, routeKey: nil, response: .payloadTooLarge, coldStart: nil, duration: .zero)
        } else {
            exchange = await gateway.handle(request)
        }
        log(exchange.logLine)
        GatewayHTTPHandler.write(exchange.response, keepAlive: keepAlive && !tooLarge, headOnly: headOnly, on: channel)
    }
}
