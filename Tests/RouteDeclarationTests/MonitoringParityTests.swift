import Foundation
import TestTags
import Testing
import Yams

/// serverless.yml carries the same alarms, InitErrors metric filters and dashboard as
/// template.yaml: an operator who deploys with the Serverless Framework gets the same paging.
/// The two files are compared with every value only CloudFormation or the framework knows
/// (`!Ref`, `Fn::If`, `${param:...}`, `${AWS::StackName}`...) read as one placeholder, so what
/// differs is what an operator would see differ: a missing alarm, another threshold, period,
/// statistic, metric or widget.
@Suite("serverless.yml monitors as template.yaml does", .tags(.pure))
struct MonitoringParityTests {
    static func resources(_ file: String, path: [String]) throws -> [(key: String, value: StrictNode)] {
        var node = try StrictNode.load(RouteDeclarations.packageRoot.appendingPathComponent(file))
        for key in path { node = try node.value(key, in: file) }
        return try node.pairs("\(file) resources")
    }

    static func sam() throws -> [(key: String, value: StrictNode)] { try resources("template.yaml", path: ["Resources"]) }
    static func serverless() throws -> [(key: String, value: StrictNode)] { try resources("serverless.yml", path: ["resources", "Resources"]) }

    /// `${...}` runs (joined by '-') as one placeholder.
    static func placeholders(_ text: String) -> String {
        text.replacingOccurrences(of: #"\$\{[^}]+\}(-\$\{[^}]+\})*"#, with: "<cfn>", options: .regularExpression)
    }

    /// A node as comparable text: intrinsics and parameters become `<cfn>`.
    static func normalized(_ node: Node, dropping dropped: Set<String> = []) -> String {
        let tag = node.tag.rawValue
        let implicit = tag.hasPrefix("tag:yaml.org,2002:")
        switch node {
        case .scalar(let scalar):
            // `!Sub "HealthTracker/${AWS::StackName}"` keeps its text; any other tag is CloudFormation's.
            if !implicit && tag != "!Sub" { return "<cfn>" }
            return placeholders(scalar.string)
        case .sequence(let sequence):
            if !implicit { return "<cfn>" }
            return "[" + sequence.map { normalized($0) }.joined(separator: ", ") + "]"
        case .mapping(let mapping):
            let keys = mapping.keys.compactMap(\.string)
            if keys.count == 1, let key = keys.first, key == "Ref" || key.hasPrefix("Fn::") { return "<cfn>" }
            let members = mapping.compactMap { key, value -> String? in
                guard let name = key.string, !dropped.contains(name) else { return nil }
                return name + ": " + normalized(value)
            }
            return "{" + members.sorted().joined(separator: ", ") + "}"
        case .alias:
            return "<alias>"
        }
    }

    static func ofType(_ type: String, in resources: [(key: String, value: StrictNode)]) throws -> [String: StrictNode] {
        var result: [String: StrictNode] = [:]
        for (name, resource) in resources where (try? resource.value("Type", in: name).string("\(name).Type")) == type {
            result[name] = try resource.value("Properties", in: name)
        }
        return result
    }

    @Test("the same alarms, with the same metrics, thresholds, periods and statistics")
    func alarms() throws {
        let sam = try Self.ofType("AWS::CloudWatch::Alarm", in: Self.sam())
        let serverless = try Self.ofType("AWS::CloudWatch::Alarm", in: Self.serverless())
        #expect(sam.count >= 6)
        #expect(Set(serverless.keys) == Set(sam.keys))
        // The descriptions name each file's own parameters; the rest must match.
        for (name, properties) in sam {
            guard let other = serverless[name] else { continue }
            #expect(
                Self.normalized(other.node, dropping: ["AlarmDescription"]) == Self.normalized(properties.node, dropping: ["AlarmDescription"]),
                "\(name) differs"
            )
        }
    }

    @Test("an InitErrors metric filter on each HTTP function's log group")
    func initErrorFilters() throws {
        let sam = try Self.ofType("AWS::Logs::MetricFilter", in: Self.sam())
        let serverless = try Self.ofType("AWS::Logs::MetricFilter", in: Self.serverless())
        let functions = try FunctionList.names().filter { $0 != "migrate" }
        #expect(sam.count == functions.count)
        #expect(serverless.count == functions.count)
        let samForms = Set(sam.values.map { Self.normalized($0.node, dropping: ["LogGroupName"]) })
        let serverlessForms = Set(serverless.values.map { Self.normalized($0.node, dropping: ["LogGroupName"]) })
        #expect(samForms.count == 1)
        #expect(serverlessForms == samForms)
    }

    @Test("the same dashboard")
    func dashboard() throws {
        let sam = try Self.ofType("AWS::CloudWatch::Dashboard", in: Self.sam())
        let serverless = try Self.ofType("AWS::CloudWatch::Dashboard", in: Self.serverless())
        #expect(sam.count == 1)
        #expect(serverless.count == 1)
        let samBody = try #require(Self.bodyText(sam.values.first?.value("DashboardBody", in: "Dashboard").node))
        let serverlessBody = try #require(Self.bodyText(serverless.values.first?.value("DashboardBody", in: "Dashboard").node))
        #expect(samBody.contains("\"widgets\""))
        #expect(Self.placeholders(serverlessBody).split(whereSeparator: \.isWhitespace) == Self.placeholders(samBody).split(whereSeparator: \.isWhitespace))
    }

    /// The first string under a `Fn::Sub` body (`!Sub [TEXT, VARIABLES]` or `Fn::Sub: [TEXT, VARIABLES]`).
    static func bodyText(_ node: Node?) -> String? {
        switch node {
        case .scalar(let scalar)?: scalar.string
        case .sequence(let sequence)?: sequence.lazy.compactMap { bodyText($0) }.first
        case .mapping(let mapping)?: mapping.values.lazy.compactMap { bodyText($0) }.first
        default: nil
        }
    }
}
