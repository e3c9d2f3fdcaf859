import Foundation
import HealthTracker
import TestTags
import Yams

/// The routes each of the three files declares, per function name, in file order (so a
/// route declared twice shows).
struct RouteDeclarations {
    var routes: [String: [DeclaredRoute]] = [:]

    /// The package root (HEALTHTRACKER_PACKAGE_ROOT may point at a copy of the tree).
    static let packageRoot = PackageRoot.url

    static let httpMethods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    /// `build/lambda/NAME.zip` -> NAME.
    static func functionName(fromZip path: String) -> String? {
        let prefix = "build/lambda/", suffix = ".zip"
        guard path.hasPrefix(prefix), path.hasSuffix(suffix), path.count > prefix.count + suffix.count else { return nil }
        let name = String(path.dropFirst(prefix.count).dropLast(suffix.count))
        return name.contains("/") ? nil : name
    }

    mutating func add(_ function: String, declaredAt node: StrictNode) throws {
        guard routes[function] == nil else { throw node.layoutError("function \(function) is declared twice") }
        routes[function] = []
    }

    // MARK: template.yaml (AWS SAM)

    /// Each `AWS::Serverless::Function`'s `Events` of `Type: HttpApi`, the function named by
    /// its `CodeUri: build/lambda/NAME.zip`. Every event must name the template's one
    /// `AWS::Serverless::HttpApi` by `ApiId: !Ref`: without it SAM would put the route on an
    /// implicit API of its own.
    static func sam(_ root: StrictNode) throws -> RouteDeclarations {
        var declarations = RouteDeclarations()
        let resources = try root.value("Resources", in: "the template").pairs("Resources")
        var httpAPIs: [String] = []
        var apiReferences: [(id: String, node: StrictNode)] = []
        for (logicalID, resource) in resources {
            let what = "Resources.\(logicalID)"
            let type = try resource.value("Type", in: what).string("\(what).Type")
            switch type {
            case "AWS::Serverless::Function":
                let properties = try resource.value("Properties", in: what)
                let codeURINode = try properties.value("CodeUri", in: "\(what).Properties")
                let codeURI = try codeURINode.string("\(what).Properties.CodeUri")
                guard let name = functionName(fromZip: codeURI) else {
                    throw codeURINode.layoutError("\(what).Properties.CodeUri is \(codeURI), not build/lambda/NAME.zip")
                }
                try declarations.add(name, declaredAt: codeURINode)
                guard let events = try properties.optionalValue("Events", in: "\(what).Properties") else { continue }
                for (eventID, event) in try events.pairs("\(what).Properties.Events") {
                    let eventWhat = "\(what).Properties.Events.\(eventID)"
                    let eventType = try event.value("Type", in: eventWhat).string("\(eventWhat).Type")
                    guard eventType == "HttpApi" else {
                        throw event.layoutError("\(eventWhat) is of type \(eventType); only HttpApi events are understood")
                    }
                    let eventProperties = try event.value("Properties", in: eventWhat)
                    let apiID = try eventProperties.value("ApiId", in: "\(eventWhat).Properties")
                    guard case .scalar(let reference) = apiID.node, apiID.node.tag.rawValue == "!Ref" else {
                        throw apiID.layoutError("\(eventWhat).Properties.ApiId is not !Ref of the template's HttpApi")
                    }
                    apiReferences.append((reference.string, apiID))
                    let method = try eventProperties.value("Method", in: "\(eventWhat).Properties").string("\(eventWhat).Properties.Method")
                    let path = try eventProperties.value("Path", in: "\(eventWhat).Properties").string("\(eventWhat).Properties.Path")
                    declarations.routes[name, default: []].append(DeclaredRoute(method: method, path: path))
                }
            case "AWS::Serverless::HttpApi":
                let properties = try resource.optionalValue("Properties", in: what)
                for key in ["DefinitionBody", "DefinitionUri"] where try properties?.optionalValue(key, in: "\(what).Properties") != nil {
                    throw resource.layoutError("\(what) has \(key): routes from an OpenAPI definition are not understood")
                }
                httpAPIs.append(logicalID)
            case "AWS::ApiGatewayV2::DomainName", "AWS::ApiGatewayV2::ApiMapping":
                // A custom domain maps the whole API; it declares no route.
                continue
            case _ where type.hasPrefix("AWS::ApiGatewayV2::") || type.hasPrefix("AWS::ApiGateway::") || type == "AWS::Serverless::Api":
                throw resource.layoutError("\(what) is a \(type): routes outside function events are not understood")
            default:
                continue
            }
        }
        guard httpAPIs.count == 1 else {
            throw root.layoutError("the template has \(httpAPIs.count) AWS::Serverless::HttpApi resources, expected one")
        }
        for (id, node) in apiReferences where id != httpAPIs[0] {
            throw node.layoutError("an event's ApiId is !Ref \(id), not the template's HttpApi \(httpAPIs[0])")
        }
        return declarations
    }

    // MARK: serverless.yml (Serverless Framework)

    /// Each function's `events: - httpApi: {method, path}` (or the short form
    /// `httpApi: 'METHOD /path'`); the function's `package.artifact` must be its zip.
    static func serverless(_ root: StrictNode) throws -> RouteDeclarations {
        var declarations = RouteDeclarations()
        for (name, function) in try root.value("functions", in: "the file").pairs("functions") {
            let what = "functions.\(name)"
            let artifactNode = try function.value("package", in: what).value("artifact", in: "\(what).package")
            let artifact = try artifactNode.string("\(what).package.artifact")
            guard functionName(fromZip: artifact) == name else {
                throw artifactNode.layoutError("\(what).package.artifact is \(artifact), not build/lambda/\(name).zip")
            }
            try declarations.add(name, declaredAt: function)
            guard let events = try function.optionalValue("events", in: what) else { continue }
            for (index, event) in try events.elements("\(what).events").enumerated() {
                let eventWhat = "\(what).events[\(index)]"
                let pairs = try event.pairs(eventWhat)
                guard pairs.count == 1, pairs[0].key == "httpApi" else {
                    throw event.layoutError("\(eventWhat) is \(pairs.map(\.key)); only httpApi events are understood")
                }
                let http = pairs[0].value
                if case .scalar = http.node {
                    // The short form: 'GET /api/users', or '*' for the catch-all ($default) route.
                    let text = try http.string("\(eventWhat).httpApi")
                    if text == "*" {
                        declarations.routes[name, default: []].append(.defaultRoute)
                        continue
                    }
                    let parts = text.split(separator: " ", omittingEmptySubsequences: true)
                    guard parts.count == 2 else { throw http.layoutError("\(eventWhat).httpApi is \(text), not METHOD /path") }
                    declarations.routes[name, default: []].append(DeclaredRoute(method: String(parts[0]), path: String(parts[1])))
                } else {
                    let method = try http.value("method", in: "\(eventWhat).httpApi").string("\(eventWhat).httpApi.method")
                    let path = try http.value("path", in: "\(eventWhat).httpApi").string("\(eventWhat).httpApi.path")
                    // method '*' and path '*' is the framework's catch-all: API Gateway's $default route.
                    let route = method == "*" && path == "*" ? .defaultRoute : DeclaredRoute(method: method, path: path)
                    declarations.routes[name, default: []].append(route)
                }
            }
        }
        return declarations
    }

    // MARK: openapi.yaml

    /// Every operation under `paths`, the function named by its `x-function`; and the
    /// `$default` route's function, named by the root's `x-default-route.x-function`.
    static func openAPI(_ root: StrictNode) throws -> RouteDeclarations {
        var declarations = RouteDeclarations()
        let version = try root.value("openapi", in: "the document").string("openapi")
        guard version.hasPrefix("3.1.") else { throw root.layoutError("openapi is \(version), not 3.1.x") }
        if let fallback = try root.optionalValue("x-default-route", in: "the document") {
            let function = try fallback.value("x-function", in: "x-default-route").string("x-default-route.x-function")
            declarations.routes[function, default: []].append(.defaultRoute)
        }
        for (path, item) in try root.value("paths", in: "the document").pairs("paths") {
            for (key, operation) in try item.pairs("paths.\(path)") {
                if httpMethods.contains(key) {
                    let what = "paths.\(path).\(key)"
                    let function = try operation.value("x-function", in: what).string("\(what).x-function")
                    declarations.routes[function, default: []].append(DeclaredRoute(method: key, path: path))
                } else if !["summary", "description", "servers", "parameters"].contains(key) {
                    throw item.layoutError("paths.\(path) has \(key), which is neither an operation nor a known path item field")
                }
            }
        }
        return declarations
    }
}

extension RouteDeclarations {
    static func load(_ file: String, _ extract: (StrictNode) throws -> RouteDeclarations) throws -> RouteDeclarations {
        try extract(try StrictNode.load(packageRoot.appendingPathComponent(file)))
    }
}
