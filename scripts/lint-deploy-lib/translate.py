"""Translates template.yaml offline the way CloudFormation does at deploy, for each value of
the ManagedInstances switch: AWS::LanguageExtensions (aws-sam-cli's port of it) and then the
AWS::Serverless transform (aws-sam-translator), with the zips' CodeUri as `sam package`
leaves them (S3 URIs). cfn-lint checks the SAM template against SAM's schemas but never runs
the transform, so only this catches what the transform refuses (CapacityProviderConfig beside
VpcConfig, an Fn::If in place of CapacityProviderConfig).

Usage: python translate.py TEMPLATE   (run with the lint virtualenv's python)
Exits 1, naming the function and what is wrong, on the first difference from what each mode
must give the six API functions.
"""
import copy
import logging
import sys

from samcli.lib.cfn_language_extensions.api import process_template
from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse

API_FUNCTIONS = ["UsersFunction", "BloodTestsFunction", "BioMetricsFunction",
                 "PhysicalActivityFunction", "SleepActivityFunction", "HealthScoreFunction"]
OTHER_FUNCTIONS = ["DefaultRouteFunction", "MigrateFunction"]
# Only the parameters without a default need a value here.
REQUIRED = {"SecretsExtensionLayerArn": "arn:aws:lambda:us-east-1:177933569100:layer:AWS-Parameters-and-Secrets-Lambda-Extension:12"}


class NoManagedPolicies:
    """The functions name their own roles, so the transform looks no managed policy up."""

    def load(self):
        return {}


def translate(template, parameters):
    fragment = copy.deepcopy(template)
    for resource in fragment["Resources"].values():
        if resource.get("Type") == "AWS::Serverless::Function":
            resource["Properties"]["CodeUri"] = "s3://bucket/" + resource["Properties"]["CodeUri"].rsplit("/", 1)[-1]
    fragment = process_template(fragment, parameters)
    fragment["Transform"] = "AWS::Serverless-2016-10-31"
    return transform(fragment, parameters, NoManagedPolicies())


def fail(message):
    print(f"translate: FAIL {message}", file=sys.stderr)
    sys.exit(1)


def main(path):
    logging.getLogger("samtranslator").setLevel(logging.ERROR)
    with open(path) as file:
        template = yaml_parse(file.read())
    for managed in ("false", "true"):
        parameters = dict(REQUIRED, ManagedInstances=managed)
        try:
            resources = translate(template, parameters)["Resources"]
        except Exception as error:  # the transform's own message says what it refused
            fail(f"ManagedInstances={managed}: {type(error).__name__}: {error}")
        on = managed == "true"
        # CloudFormation drops it by its condition after the transforms.
        if resources.get("CapacityProvider", {}).get("Condition") != "UseManagedInstances":
            fail(f"ManagedInstances={managed}: no capacity provider under the UseManagedInstances condition")
        for name in API_FUNCTIONS + OTHER_FUNCTIONS:
            properties = resources[name]["Properties"]
            expected = on and name in API_FUNCTIONS
            config = properties.get("CapacityProviderConfig", {}).get("LambdaManagedInstancesCapacityProviderConfig")
            if bool(config) != expected or ("VpcConfig" in properties) == expected:
                fail(f"ManagedInstances={managed}: {name} has CapacityProviderConfig {config} and "
                     f"VpcConfig {properties.get('VpcConfig')}")
            if expected:
                for key in ("CapacityProviderArn", "PerExecutionEnvironmentMaxConcurrency"):
                    if key not in config:
                        fail(f"ManagedInstances={managed}: {name} lacks {key}")
                if "FunctionScalingConfig" not in properties:
                    fail(f"ManagedInstances={managed}: {name} has no FunctionScalingConfig (its environments' bound)")
        print(f"translate: ManagedInstances={managed}: {len(resources)} resources; the six API functions "
              + ("on the capacity provider, outside the VPC config" if on else "in the VPC, no capacity provider"))


if __name__ == "__main__":
    main(sys.argv[1])
