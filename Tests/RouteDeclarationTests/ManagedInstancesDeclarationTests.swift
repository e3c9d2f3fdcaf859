import Foundation
import TestTags
import Testing
import Yams

/// Lambda Managed Instances are a switch in template.yaml (the ManagedInstances parameter, off
/// by default) and deliberately absent from serverless.yml (docs/deploy.md, "With Lambda Managed
/// Instances", says why). The parity suites compare routes, alarms and the dashboard, not
/// capacity, so this one holds both halves: the difference is a decision the tests know, and
/// adding capacity providers to serverless.yml fails here until the two are compared.
/// scripts/lint-deploy translates template.yaml with the switch off and on (the SAM transform).
@Suite("Managed Instances: template.yaml's switch, serverless.yml's known difference", .tags(.pure))
struct ManagedInstancesDeclarationTests {
    /// The functions that stay on on-demand Lambda either way: the unmatched-route answer
    /// never connects, and the migration runs once per deploy.
    static let onDemandOnly: Set<String> = ["default_route", "migrate"]
    static let condition = "UseManagedInstances"

    static func load(_ file: String) throws -> StrictNode {
        try StrictNode.load(RouteDeclarations.packageRoot.appendingPathComponent(file))
    }

    /// `!If [CONDITION, THEN, ELSE]` -> (CONDITION, THEN, ELSE); anything else is a layout error.
    static func conditional(_ node: StrictNode, _ what: String) throws -> (condition: String, then: StrictNode, otherwise: StrictNode) {
        guard node.node.tag.rawValue == "!If" else { throw node.layoutError("\(what) is not an !If") }
        let parts = try node.elements(what)
        guard parts.count == 3 else { throw node.layoutError("\(what) is an !If of \(parts.count) parts") }
        return (try parts[0].string("\(what)[0]"), parts[1], parts[2])
    }

    static func isNoValue(_ node: StrictNode) -> Bool {
        node.node.tag.rawValue == "!Ref" && node.node.scalar?.string == "AWS::NoValue"
    }

    @Test("template.yaml: off by default; one capacity provider, and each API function on it instead of in its own VPC config")
    func template() throws {
        let root = try Self.load("template.yaml")
        // AWS::LanguageExtensions must run first: the SAM transform refuses an !If in place
        // of CapacityProviderConfig, and CapacityProviderConfig beside VpcConfig.
        let transforms = try root.value("Transform", in: "the file").elements("Transform").map { try $0.string("Transform") }
        #expect(transforms == ["AWS::LanguageExtensions", "AWS::Serverless-2016-10-31"])
        let parameter = try root.value("Parameters", in: "the file").value("ManagedInstances", in: "Parameters")
        #expect(try parameter.value("Default", in: "ManagedInstances").string("ManagedInstances.Default") == "false")

        let resources = try root.value("Resources", in: "the file")
        let providers = try resources.pairs("Resources").filter {
            try $0.value.value("Type", in: $0.key).string("\($0.key).Type") == "AWS::Lambda::CapacityProvider"
        }
        try #require(providers.count == 1, "template.yaml has \(providers.count) capacity providers")
        let provider = providers[0]
        #expect(try provider.value.value("Condition", in: provider.key).string("\(provider.key).Condition") == Self.condition)

        var onManaged: [String] = []
        for (id, resource) in try resources.pairs("Resources") {
            guard try resource.value("Type", in: id).string("\(id).Type") == "AWS::Serverless::Function" else { continue }
            let properties = try resource.value("Properties", in: id)
            let zip = try properties.value("CodeUri", in: id).string("\(id).CodeUri")
            let name = try #require(RouteDeclarations.functionName(fromZip: zip))
            let capacity = try properties.optionalValue("CapacityProviderConfig", in: id)
            let vpc = try properties.value("VpcConfig", in: id)
            if Self.onDemandOnly.contains(name) {
                #expect(capacity == nil, "\(name) should stay on on-demand Lambda")
                #expect(vpc.node.tag.rawValue != "!If", "\(name)'s VpcConfig should not depend on the switch")
                continue
            }
            let config = try Self.conditional(try #require(capacity, "\(name) has no CapacityProviderConfig"), "\(id).CapacityProviderConfig")
            #expect(config.condition == Self.condition)
            #expect(Self.isNoValue(config.otherwise), "\(name)'s CapacityProviderConfig is not absent when the switch is off")
            let keys = Set(try config.then.pairs("\(id).CapacityProviderConfig").map(\.key))
            #expect(keys.isSuperset(of: ["Arn", "PerExecutionEnvironmentMaxConcurrency"]), "\(name): \(keys)")
            let arn = try config.then.value("Arn", in: "\(id).CapacityProviderConfig")
            #expect(arn.node.tag.rawValue == "!GetAtt" && arn.node.scalar?.string == "\(provider.key).Arn", "\(name) is not on \(provider.key)")
            // The same switch the other way round: the capacity provider's VPC replaces the function's.
            let network = try Self.conditional(vpc, "\(id).VpcConfig")
            #expect(network.condition == Self.condition && Self.isNoValue(network.then) && !Self.isNoValue(network.otherwise), "\(name)")
            onManaged.append(name)
        }
        #expect(Set(onManaged) == Set(try FunctionList.names()).subtracting(Self.onDemandOnly))
    }

    @Test("serverless.yml: no capacity provider and every function in the VPC, the difference docs/deploy.md explains")
    func serverless() throws {
        let root = try Self.load("serverless.yml")
        let provider = try root.value("provider", in: "the file")
        #expect(try provider.optionalValue("capacityProviders", in: "provider") == nil,
                "serverless.yml now declares capacity providers: compare them with template.yaml's and drop this known difference")
        for (name, function) in try root.value("functions", in: "the file").pairs("functions") {
            #expect(try function.optionalValue("capacityProvider", in: "functions.\(name)") == nil, "functions.\(name).capacityProvider")
        }
        let guide = try String(contentsOf: RouteDeclarations.packageRoot.appendingPathComponent("docs/deploy.md"), encoding: .utf8)
        let section = try #require(guide.range(of: "#### With Lambda Managed Instances"), "docs/deploy.md has no Managed Instances section")
        let rest = guide[section.upperBound...]
        let body = rest[..<(rest.range(of: "\n#")?.lowerBound ?? rest.endIndex)]
        #expect(body.contains("serverless.yml") && body.contains("capacityProviders"), "the section does not say what serverless.yml lacks")
    }
}
