# Sourced by scripts/package, scripts/package-check, scripts/smoke-zips, scripts/serve,
# scripts/load and scripts/bench-runtime: what they share about the function zips.

_lambda_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# The function names: Sources/Functions/names.txt, the list Package.swift reads too.
mapfile -t FUNCTIONS < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$_lambda_root/Sources/Functions/names.txt" | grep -v '^$')
# The functions that answer HTTP events (what replay serves, default_route for the requests
# no route matches, as API Gateway's $default route): all but migrate, which answers
# CloudFormation.
HTTP_FUNCTIONS=()
for _f in "${FUNCTIONS[@]}"; do [ "$_f" = migrate ] || HTTP_FUNCTIONS+=("$_f"); done
unset _f

# glibc's own libraries (2.34 on provided.al2023): the only NEEDED entries a bootstrap may
# have, and the only shared objects it may load. Everything else is linked in statically.
GLIBC_LIBS=(
    ld-linux-x86-64.so.2 ld-linux-aarch64.so.1 libc.so.6 libm.so.6 libmvec.so.1
    libpthread.so.0 libdl.so.2 librt.so.1 libresolv.so.2 libutil.so.1 libanl.so.1
    libnss_files.so.2 libnss_dns.so.2
)

# The scratch path of the static release build (minimal static C libraries and the
# static Swift standard library), apart from .build so it never thrashes the others.
STATIC_SCRATCH=.build/static

# The RDS CA bundle's place in each zip.
CA_BUNDLE_IN_ZIP=certs/rds-global-bundle.pem
# AWS's regional RDS bundles (us-east-1-bundle.pem...), packaged beside it when present in
# certs/ (DATABASE_CA_BUNDLE_DIR=/var/task/certs picks the one for AWS_REGION).
REGIONAL_BUNDLE_PATTERN='^[a-z]{2}(-[a-z]+)+-[0-9]+-bundle\.pem$'
