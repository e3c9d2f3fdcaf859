#!/usr/bin/env python3
"""Stages and checks the function zips for the provided.al2023 runtime.

Used by scripts/package; run it directly to re-check zips:

    python3 scripts/lambda_package.py check --arch x86_64 build/lambda/*.zip

`stage` turns one release binary into build/lambda/NAME/ (bootstrap, lib/,
certs/) and build/lambda/NAME.zip. `check` opens every zip and fails, naming
the file and the symbol, when an ELF file in it could not load on Amazon Linux
2023: a NEEDED library that is neither bundled nor in the base set below, a
symbol version newer than the base set provides, or a bootstrap that would let
the runtime's own copies of a library shadow the bundled ones.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

# Libraries the provided.al2023 runtime is relied on to provide; everything
# else a binary needs is bundled in lib/.
#
# Source: the runtime is built on the AL2023 minimal container image (AWS's
# announcement of provided.al2023 in aws/aws-lambda-base-images issue #59:
# "based on the AL2023-minimal image", glibc 2.34), and AL2023 ships GCC 11
# (AL2023 user guide, "Core toolchain packages glibc, gcc, binutils"). That
# image holds more (zlib, OpenSSL, a minimal libcurl, krb5, ...), but their
# versions and build options are not ours to rely on, so the list is kept to
# glibc's own libraries plus libstdc++ and libgcc_s: when unsure, bundle.
# Never bundle these: a second glibc beside the runtime's loader breaks.
AL2023_BASE_LIBS = frozenset({
    # glibc 2.34 (package glibc)
    "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1",
    "libc.so.6", "libm.so.6", "libmvec.so.1", "libpthread.so.0", "libdl.so.2",
    "librt.so.1", "libresolv.so.2", "libutil.so.1", "libanl.so.1",
    "libnss_files.so.2", "libnss_dns.so.2",
    # GCC 11 runtime (packages libstdc++, libgcc)
    "libstdc++.so.6", "libgcc_s.so.1",
})

# Newest symbol version of each family that the base set provides
# (glibc 2.34, libstdc++ and libgcc_s of GCC 11).
VERSION_LIMITS = {
    "GLIBC": (2, 34),
    "GLIBCXX": (3, 4, 29),
    "CXXABI": (1, 3, 13),
    "GCC": (11, 0, 0),
}

ARCH_MACHINES = {
    "x86_64": "Advanced Micro Devices X86-64",
    "arm64": "AArch64",
}

CA_BUNDLE_IN_ZIP = "certs/rds-global-bundle.pem"
BUNDLE_RPATH = "$ORIGIN/lib"
MIB = 1024 * 1024
# Lambda's limits: 250 MB unzipped (code and layers); 50 MB for a zip
# uploaded directly (SAM and Serverless upload through S3, which allows more).
UNZIPPED_LIMIT = 250 * 1000 * 1000
DIRECT_UPLOAD_LIMIT = 50 * MIB
FIXED_MTIME = 946684800  # 2000-01-01: identical inputs give identical zips


def run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def is_elf(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(4) == b"\x7fELF"


def parse_version(text: str) -> tuple[int, ...] | None:
    if not re.fullmatch(r"\d+(\.\d+)*", text):
        return None
    return tuple(int(p) for p in text.split("."))


def version_too_new(name: str) -> str | None:
    """Why `name` (e.g. GLIBC_2.35) is beyond the base set, or None if it is fine."""
    family, _, number = name.partition("_")
    if name == "GLIBC_PRIVATE":
        return "GLIBC_PRIVATE ties a library to one exact glibc build"
    limit = VERSION_LIMITS.get(family)
    version = parse_version(number)
    if limit is None or version is None:
        return f"{name} is not a symbol version the AL2023 base set is known to provide"
    if version > limit:
        return f"{name} is newer than AL2023's {family}_{'.'.join(map(str, limit))}"
    return None


@dataclass
class ElfInfo:
    machine: str = ""
    soname: str | None = None
    needed: list[str] = field(default_factory=list)
    rpath: list[str] = field(default_factory=list)
    runpath: list[str] = field(default_factory=list)
    defined_versions: set[str] = field(default_factory=set)
    # library -> versions required from it
    needed_versions: dict[str, set[str]] = field(default_factory=dict)
    # (symbol, version) pairs of undefined dynamic symbols
    undefined: list[tuple[str, str]] = field(default_factory=list)


def read_elf(path: Path) -> ElfInfo:
    info = ElfInfo()
    header = run("readelf", "-h", "-W", str(path))
    m = re.search(r"^\s*Machine:\s*(.+)$", header, re.M)
    info.machine = m.group(1).strip() if m else "?"

    dynamic = run("readelf", "-d", "-W", str(path))
    for kind, value in re.findall(r"\((NEEDED|SONAME|RPATH|RUNPATH)\)\s+[^\[]*\[([^\]]*)\]", dynamic):
        if kind == "NEEDED":
            info.needed.append(value)
        elif kind == "SONAME":
            info.soname = value
        elif kind == "RPATH":
            info.rpath = value.split(":")
        else:
            info.runpath = value.split(":")

    versions = run("readelf", "-V", "-W", str(path))
    section = None
    current_file = None
    for line in versions.splitlines():
        if "Version definition section" in line:
            section = "def"
        elif "Version needs section" in line:
            section = "need"
        elif "Version symbols section" in line:
            section = None
        elif section == "def":
            m = re.search(r"Name:\s*(\S+)", line)
            if m:
                info.defined_versions.add(m.group(1))
        elif section == "need":
            m = re.search(r"File:\s*(\S+)", line)
            if m:
                current_file = m.group(1)
                info.needed_versions.setdefault(current_file, set())
                continue
            m = re.search(r"Name:\s*(\S+)", line)
            if m and current_file:
                info.needed_versions[current_file].add(m.group(1))

    symbols = run("objdump", "-T", "-w", str(path))
    for line in symbols.splitlines():
        if "*UND*" not in line:
            continue
        m = re.search(r"\*UND\*\s+[0-9a-fA-F]+\s+\(?([A-Za-z_]+_[0-9.]+|GLIBC_PRIVATE)\)?\s+(\S+)", line)
        if m:
            info.undefined.append((m.group(2), m.group(1)))
    return info


# ---------------------------------------------------------------- stage


def resolve_libraries(binary: Path) -> dict[str, Path]:
    """soname -> host path of every library the binary loads, transitively."""
    out = subprocess.run(["ldd", str(binary)], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"package: ldd {binary} failed (a binary for another architecture?):\n{out.stderr}")
    libs: dict[str, Path] = {}
    missing = []
    for line in out.stdout.splitlines():
        m = re.match(r"\s*(\S+)\s+=>\s+(.*?)\s*(\(0x[0-9a-f]+\))?$", line)
        if not m:
            continue
        name, target = m.group(1), m.group(2)
        if target == "not found":
            missing.append(name)
        elif target.startswith("/"):
            libs[name] = Path(target)
    if missing:
        sys.exit(f"package: {binary}: libraries not found on this host: {', '.join(missing)}")
    return libs


def stage(args: argparse.Namespace) -> None:
    out = Path(args.out)
    name = args.name
    root = out / name
    if root.exists():
        shutil.rmtree(root)
    (root / "lib").mkdir(parents=True)

    bootstrap = root / "bootstrap"
    shutil.copyfile(args.binary, bootstrap)
    subprocess.run(["strip", "--strip-all", str(bootstrap)], check=True)
    bootstrap.chmod(0o755)

    bundled = []
    for soname, path in sorted(resolve_libraries(bootstrap).items()):
        if soname in AL2023_BASE_LIBS:
            continue
        target = root / "lib" / soname
        shutil.copyfile(path.resolve(), target)  # the real file, named by its soname
        target.chmod(0o644)
        bundled.append(soname)

    if args.ca_bundle and Path(args.ca_bundle).is_file():
        (root / "certs").mkdir()
        shutil.copyfile(args.ca_bundle, root / CA_BUNDLE_IN_ZIP)
        (root / CA_BUNDLE_IN_ZIP).chmod(0o644)

    files = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    for p in root.rglob("*"):
        os.utime(p, (FIXED_MTIME, FIXED_MTIME), follow_symlinks=False)
    zip_path = out / f"{name}.zip"
    zip_path.unlink(missing_ok=True)
    # -X: no extra attributes, -D: no directory entries; names from stdin in sorted order.
    subprocess.run(["zip", "-q", "-X", "-D", str(zip_path.resolve()), "-@"],
                   cwd=root, input="\n".join(files) + "\n", text=True, check=True)
    print(f"package: {name}: bootstrap + {len(bundled)} libraries in lib/ -> {zip_path}")


# ---------------------------------------------------------------- check


def check_zip(zip_path: Path, arch: str, require_ca: bool) -> tuple[list[str], list[str]]:
    errors: list[str] = []
    warnings: list[str] = []
    label = zip_path.name

    with zipfile.ZipFile(zip_path) as zf:
        infos = {i.filename: i for i in zf.infolist() if not i.is_dir()}
        if "bootstrap" not in infos:
            return [f"{label}: no bootstrap at the root of the zip"], warnings
        mode = (infos["bootstrap"].external_attr >> 16) & 0o777
        if not mode & 0o111:
            errors.append(f"{label}: bootstrap is not executable (mode {mode:o})")
        unzipped = sum(i.file_size for i in infos.values())
        if unzipped > UNZIPPED_LIMIT:
            errors.append(f"{label}: {unzipped / MIB:.1f} MiB unzipped is over Lambda's 250 MB limit")
        if zip_path.stat().st_size > DIRECT_UPLOAD_LIMIT:
            warnings.append(f"{label}: over 50 MiB; deploy through S3 (sam and serverless do)")
        if CA_BUNDLE_IN_ZIP not in infos:
            message = (f"{label}: no {CA_BUNDLE_IN_ZIP}; PGSSLMODE=verify-full against Aurora needs it "
                       "(see docs/deploy.md, 'The RDS CA bundle')")
            (errors if require_ca else warnings).append(message)

        with tempfile.TemporaryDirectory() as tmp:
            zf.extractall(tmp)
            base = Path(tmp)
            elves = {name: read_elf(base / name) for name in sorted(infos) if is_elf(base / name)}

    expected_machine = ARCH_MACHINES[arch]
    bundled: dict[str, ElfInfo] = {}
    for name, info in elves.items():
        if name.startswith("lib/"):
            bundled[Path(name).name] = info
            if info.soname and info.soname != Path(name).name:
                bundled[info.soname] = info

    boot = elves.get("bootstrap")
    if boot is None:
        errors.append(f"{label}: bootstrap is not an ELF executable")
    elif bundled and BUNDLE_RPATH not in boot.rpath:
        errors.append(
            f"{label}: bootstrap has no DT_RPATH {BUNDLE_RPATH} (has RPATH {boot.rpath}, "
            f"RUNPATH {boot.runpath}); the runtime's LD_LIBRARY_PATH lists /lib64 before "
            "/var/task/lib, so its own libcurl, OpenSSL, ... would shadow the bundled ones")

    for name, info in elves.items():
        where = f"{label}:{name}"
        if info.machine != expected_machine:
            errors.append(f"{where}: built for {info.machine}, not {arch} ({expected_machine})")
        if name.startswith("lib/") and Path(name).name in AL2023_BASE_LIBS:
            errors.append(f"{where}: part of the AL2023 base set; bundling it breaks the runtime's glibc")
        for lib in info.needed:
            if lib not in bundled and lib not in AL2023_BASE_LIBS:
                errors.append(f"{where}: NEEDED {lib} is neither in the zip's lib/ nor in the AL2023 base set")
        for lib, versions in sorted(info.needed_versions.items()):
            for version in sorted(versions):
                if lib in bundled:
                    if version not in bundled[lib].defined_versions:
                        errors.append(f"{where}: needs version {version} of {lib}, which the bundled {lib} does not define")
                    continue
                if lib not in AL2023_BASE_LIBS:
                    continue  # reported above as a missing NEEDED library
                reason = version_too_new(version)
                if reason is None:
                    continue
                symbols = sorted({s for s, v in info.undefined if v == version})
                if symbols:
                    for symbol in symbols:
                        errors.append(f"{where}: symbol {symbol}@{version} from {lib}: {reason}")
                else:
                    errors.append(f"{where}: requires {version} from {lib}: {reason}")
    return errors, warnings


def check(args: argparse.Namespace) -> None:
    failed = 0
    passed = 0
    for zip_path in map(Path, args.zips):
        if not zip_path.is_file():
            print(f"package-check: FAIL {zip_path}: no such zip")
            failed += 1
            continue
        errors, warnings = check_zip(zip_path, args.arch, args.require_ca_bundle)
        for w in warnings:
            print(f"package-check: warning: {w}")
        size = zip_path.stat().st_size
        with zipfile.ZipFile(zip_path) as zf:
            unzipped = sum(i.file_size for i in zf.infolist())
            libs = sum(1 for i in zf.infolist() if i.filename.startswith("lib/"))
        summary = (f"{zip_path.name}: {size} bytes ({size / MIB:.2f} MiB), "
                   f"unzipped {unzipped / MIB:.2f} MiB, {libs} bundled libraries")
        if errors:
            failed += 1
            print(f"package-check: FAIL {summary}")
            for e in errors:
                print(f"package-check:   {e}")
        else:
            passed += 1
            print(f"package-check: ok   {summary}")
    print(f"package-check: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("stage", help="stage and zip one function")
    p.add_argument("--binary", required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--ca-bundle", default="")
    p.set_defaults(func=stage)

    p = sub.add_parser("check", help="check zips for AL2023")
    p.add_argument("--arch", choices=sorted(ARCH_MACHINES), required=True)
    p.add_argument("--require-ca-bundle", action="store_true")
    p.add_argument("zips", nargs="+")
    p.set_defaults(func=check)

    args = parser.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
