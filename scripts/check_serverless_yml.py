#!/usr/bin/env python3
"""Structural check of serverless.yml, which has no offline validator here.

Checks that serverless.yml parses, packages each of the eight functions (six
API functions, default_route, migrate) individually from build/lambda/NAME.zip
with handler bootstrap on provided.al2023, puts every route behind the JWT
authorizer, and declares for each function exactly the routes template.yaml
declares for it (matched by CodeUri build/lambda/NAME.zip; the catch-all
method "*" path "*" is template.yaml's ANY $default).

Usage: check_serverless_yml.py serverless.yml [template.yaml]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

if __name__ == "__main__" and {"-h", "--help"} & set(sys.argv[1:]):
    print(__doc__.strip())
    sys.exit(0)

import yaml

# The one list of function names (Package.swift and the packaging scripts read it too).
FUNCTIONS = [
    line.strip()
    for line in (Path(__file__).resolve().parent.parent / "Sources/Functions/names.txt").read_text().splitlines()
    if line.strip() and not line.strip().startswith("#")
]
# The framework's catch-all (method and path "*") is template.yaml's ANY $default.
CATCH_ALL = ("*", "*")
DEFAULT_ROUTE = ("ANY", "$default")


class CfnLoader(yaml.SafeLoader):
    """SafeLoader that keeps CloudFormation short-form tags (!Ref, !Sub, ...) as plain data."""


def _cfn_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> object:
    if isinstance(node, yaml.ScalarNode):
        value: object = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return {f"!{suffix}": value}


CfnLoader.add_multi_constructor("!", _cfn_tag)


def template_routes(path: Path) -> dict[str, set[tuple[str, str]]]:
    doc = yaml.load(path.read_text(), Loader=CfnLoader)
    routes: dict[str, set[tuple[str, str]]] = {}
    for resource in doc["Resources"].values():
        if resource.get("Type") != "AWS::Serverless::Function":
            continue
        props = resource["Properties"]
        m = re.fullmatch(r"build/lambda/(\w+)\.zip", str(props.get("CodeUri", "")))
        if not m:
            continue
        routes[m.group(1)] = {
            (e["Properties"]["Method"], e["Properties"]["Path"])
            for e in props.get("Events", {}).values()
            if e.get("Type") == "HttpApi"
        }
    return routes


def main() -> int:
    sls_path = Path(sys.argv[1] if len(sys.argv) > 1 else "serverless.yml")
    tpl_path = Path(sys.argv[2] if len(sys.argv) > 2 else "template.yaml")
    errors: list[str] = []
    doc = yaml.safe_load(sls_path.read_text())

    provider = doc.get("provider", {})
    if provider.get("name") != "aws":
        errors.append("provider.name is not aws")
    if provider.get("runtime") != "provided.al2023":
        errors.append("provider.runtime is not provided.al2023")
    if not doc.get("package", {}).get("individually"):
        errors.append("package.individually is not true")
    authorizers = provider.get("httpApi", {}).get("authorizers", {})
    jwt_names = {name for name, a in authorizers.items() if a.get("type") == "jwt"}
    if not jwt_names:
        errors.append("provider.httpApi.authorizers has no jwt authorizer")
    vpc = provider.get("vpc", {})
    if not vpc.get("subnetIds") or not vpc.get("securityGroupIds"):
        errors.append("provider.vpc needs subnetIds and securityGroupIds")
    env = provider.get("environment", {})
    for key in ["AUTH_MODE", "DATABASE_SECRET_ARN", "DATABASE_HOST", "DATABASE_NAME", "PGSSLMODE",
                "PGSSLROOTCERT", "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT"]:
        if key not in env:
            errors.append(f"provider.environment lacks {key}")

    functions = doc.get("functions", {})
    if sorted(functions) != sorted(FUNCTIONS):
        errors.append(f"functions are {sorted(functions)}, expected {sorted(FUNCTIONS)}")
    sls_routes: dict[str, set[tuple[str, str]]] = {}
    for name, fn in functions.items():
        artifact = fn.get("package", {}).get("artifact")
        if artifact != f"build/lambda/{name}.zip":
            errors.append(f"functions.{name}.package.artifact is {artifact!r}, expected build/lambda/{name}.zip")
        if fn.get("handler") != "bootstrap":
            errors.append(f"functions.{name}.handler is not bootstrap")
        routes = set()
        for event in fn.get("events", []):
            http = event.get("httpApi")
            if not isinstance(http, dict):
                errors.append(f"functions.{name}: an event is not an httpApi route with method and path")
                continue
            route = (str(http.get("method", "")).upper(), str(http.get("path", "")))
            if route == CATCH_ALL:
                route = DEFAULT_ROUTE
            if route in routes:
                errors.append(f"functions.{name}: route {route} declared twice")
            routes.add(route)
            if http.get("authorizer", {}).get("name") not in jwt_names:
                errors.append(f"functions.{name}: route {route[0]} {route[1]} is not behind the jwt authorizer")
        sls_routes[name] = routes

    tpl_routes = template_routes(tpl_path)
    for name in FUNCTIONS:
        want, got = tpl_routes.get(name, set()), sls_routes.get(name, set())
        for m, p in sorted(want - got):
            errors.append(f"{name}: {m} {p} is in {tpl_path} but not in {sls_path}")
        for m, p in sorted(got - want):
            errors.append(f"{name}: {m} {p} is in {sls_path} but not in {tpl_path}")

    for e in errors:
        print(f"check_serverless_yml: {e}")
    total = sum(len(r) for r in sls_routes.values())
    print(f"check_serverless_yml: {len(functions)} functions, {total} routes; "
          f"{'OK' if not errors else f'{len(errors)} problems'}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
