#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Installs what the conformance oracles need. Idempotent and quick when everything is
// already there; prints one line per oracle (installed / already present / failed) and
// always exits 0: scripts/test.mjs leaves out an oracle reported failed (one line saying why),
// or, under INFORMIX_DB_REQUIRE_ORACLES=1 (CI), runs it so that its tests fail.
//   jdbc   — mvn package of conformance/jdbc (Scenarios runner + driver jars in target/lib)
//   jdbc-tools — mvn package of conformance/jdbc-tools (tools.Main + Flyway, Liquibase, Hibernate, HikariCP, Spring JDBC jars)
//   python — venv conformance/python/.venv with conformance/python/requirements.txt
//   python-suite — informix-driver's own sdist (tests/ included), unpacked in
//            conformance/python-suite/.sdist and checked against its pinned SHA-256
//   nmap   — Debian package nmap (informix-query / informix-tables NSE scripts), root only
//   postgres — Debian package postgresql (>= 15) for the emulator's `--engine postgres`
//            (initdb + postgres in a temporary directory), root only; the package's own
//            "main" cluster is not created (createcluster.conf), so no system server runs
//   runtimes — Node 22 and 24, Bun and Deno from their npm packages, in .runtimes/ (gitignored),
//            so they never shadow the system `node`; conformance/runtimes runs the driver on each
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const TIMEOUT = 15 * 60_000;

function sh(command, args, options = {}) {
  const r = spawnSync(command, args, { cwd: root, encoding: "utf8", timeout: TIMEOUT, ...options });
  const ok = r.status === 0 && !r.error;
  const why = r.error ? r.error.message : `exit ${r.status}${r.signal ? ` (${r.signal})` : ""}`;
  const output = `${r.stdout ?? ""}${r.stderr ?? ""}`.trim().split("\n").slice(-15).join("\n");
  return { ok, why, output };
}

function onPath(command) {
  return sh("sh", ["-c", `command -v ${command}`]).ok;
}

function newestMtime(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

function report(oracle, status, detail = "") {
  process.stdout.write(`install-oracles: ${oracle}: ${status}${detail ? ` — ${detail}` : ""}\n`);
}

/** mvn package of a Maven oracle, skipped when `marker` is newer than src/ and pom.xml. */
function maven(oracle, dirName, markerPath, jar) {
  const dir = join(root, "conformance", dirName);
  const marker = join(dir, "target", "classes", ...markerPath);
  const driverJar = join(dir, "target", "lib", jar);
  if (existsSync(marker) && existsSync(driverJar)) {
    const sources = Math.max(newestMtime(join(dir, "src")), statSync(join(dir, "pom.xml")).mtimeMs);
    if (statSync(marker).mtimeMs >= sources) return report(oracle, "already present");
  }
  if (!onPath("mvn") || !onPath("java")) return report(oracle, "failed", "mvn and java (JDK 17) are needed");
  const r = sh("mvn", ["-q", "-B", "-f", join(dir, "pom.xml"), "package", "-DskipTests"]);
  if (r.ok && existsSync(marker)) report(oracle, "installed");
  else report(oracle, "failed", `mvn package: ${r.why}\n${r.output}`);
}

function jdbc() {
  maven("jdbc", "jdbc", ["Scenarios.class"], "jdbc-15.0.0.1.1.jar");
}

function jdbcTools() {
  maven("jdbc-tools", "jdbc-tools", ["tools", "Main.class"], "jdbc-15.0.0.1.1.jar");
}

function python() {
  const dir = join(root, "conformance", "python");
  const venv = join(dir, ".venv");
  const py = join(venv, "bin", "python");
  const requirements = join(dir, "requirements.txt");
  const stamp = join(venv, ".requirements-installed");
  const wanted = readFileSync(requirements, "utf8");
  if (existsSync(py) && existsSync(stamp) && readFileSync(stamp, "utf8") === wanted) {
    return report("python", "already present");
  }
  const python3 = ["python3", "python"].find(onPath);
  if (!python3) return report("python", "failed", "no python3 on PATH");
  if (!existsSync(py)) {
    const r = sh(python3, ["-m", "venv", venv]);
    if (!r.ok) return report("python", "failed", `python3 -m venv: ${r.why}\n${r.output}`);
  }
  const r = sh(py, ["-m", "pip", "install", "-q", "--disable-pip-version-check", "-r", requirements]);
  if (!r.ok) return report("python", "failed", `pip install: ${r.why}\n${r.output}`);
  writeFileSync(stamp, wanted);
  report("python", "installed");
}

const SDIST = {
  name: "informix_driver-2026.9.3",
  requirement: "informix-driver==2026.9.3",
  sha256: "f72519cbd90c0710c61b6c559149e3a0cf55e2d6f1a09b7a37ea51c4a76ef979",
};

function pythonSuite() {
  const dir = join(root, "conformance", "python-suite", ".sdist");
  const unpacked = join(dir, SDIST.name);
  if (existsSync(join(unpacked, "tests", "conftest.py"))) return report("python-suite", "already present");
  const py = join(root, "conformance", "python", ".venv", "bin", "python");
  if (!existsSync(py)) return report("python-suite", "failed", "the python oracle's venv is missing");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const args = ["-m", "pip", "download", "-q", "--disable-pip-version-check", "--no-binary", ":all:", "--no-deps"];
  const r = sh(py, [...args, "-d", dir, SDIST.requirement]);
  if (!r.ok) return report("python-suite", "failed", `pip download: ${r.why}\n${r.output}`);
  const archive = join(dir, `${SDIST.name}.tar.gz`);
  if (!existsSync(archive)) return report("python-suite", "failed", `pip download wrote no ${archive}`);
  const digest = createHash("sha256").update(readFileSync(archive)).digest("hex");
  if (digest !== SDIST.sha256) return report("python-suite", "failed", `${archive}: SHA-256 ${digest} is not pinned`);
  const x = sh("tar", ["-xzf", archive, "-C", dir]);
  if (!x.ok || !existsSync(join(unpacked, "tests"))) return report("python-suite", "failed", `tar: ${x.why}`);
  report("python-suite", "installed");
}

function nmap() {
  const script = "/usr/share/nmap/scripts/informix-query.nse";
  if (onPath("nmap") && existsSync(script)) return report("nmap", "already present");
  if (typeof process.getuid !== "function" || process.getuid() !== 0 || !onPath("apt-get")) {
    return report("nmap", "failed", "nmap is not installed and apt-get as root is not available");
  }
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const update = sh("apt-get", ["update", "-qq"], { env });
  if (!update.ok) return report("nmap", "failed", `apt-get update: ${update.why}\n${update.output}`);
  const install = sh("apt-get", ["install", "-y", "-qq", "nmap"], { env });
  if (install.ok && onPath("nmap")) report("nmap", "installed");
  else report("nmap", "failed", `apt-get install nmap: ${install.why}\n${install.output}`);
}

/** The newest PostgreSQL >= 15 bin directory of Debian's layout, or null. */
function postgresBin() {
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => /^\d+$/.test(v) && Number(v) >= 15 && existsSync(join(base, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], "bin") : null;
}

function postgres() {
  if (process.env.INFORMIX_EMULATOR_PG_BIN || postgresBin()) return report("postgres", "already present");
  if (typeof process.getuid !== "function" || process.getuid() !== 0 || !onPath("apt-get")) {
    return report("postgres", "failed", "PostgreSQL >= 15 is not installed and apt-get as root is not available");
  }
  // The emulator starts its own server; keep the package from creating and starting "main".
  const conf = "/etc/postgresql-common/createcluster.conf";
  if (!existsSync(conf)) {
    mkdirSync("/etc/postgresql-common", { recursive: true });
    writeFileSync(conf, "create_main_cluster = false\n");
  }
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const update = sh("apt-get", ["update", "-qq"], { env });
  if (!update.ok) return report("postgres", "failed", `apt-get update: ${update.why}\n${update.output}`);
  const install = sh("apt-get", ["install", "-y", "-qq", "postgresql"], { env });
  if (install.ok && postgresBin()) report("postgres", "installed");
  else report("postgres", "failed", `apt-get install postgresql: ${install.why}\n${install.output}`);
}

/** Runtimes for conformance/runtimes, pinned; each is an npm package that ships its binary. */
const RUNTIMES = { node22: "npm:node@22.23.3", node24: "npm:node@24.21.0", bun: "1.4.5", deno: "2.9.6" };

function runtimes() {
  const dir = join(root, ".runtimes");
  const manifest = JSON.stringify({ private: true, dependencies: RUNTIMES }, null, 2);
  const stamp = join(dir, "installed.json");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === manifest) return report("runtimes", "already present");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), manifest);
  const r = sh("npm", ["install", "--no-audit", "--no-fund", "--no-package-lock"], { cwd: dir });
  if (!r.ok) return report("runtimes", "failed", `npm install: ${r.why}\n${r.output}`);
  writeFileSync(stamp, manifest);
  report("runtimes", "installed");
}

// `install-oracles.mjs python` installs only the named oracles.
const selected = new Set(process.argv.slice(2));
for (const [name, step] of [
  ["jdbc", jdbc],
  ["jdbc-tools", jdbcTools],
  ["python", python],
  ["python-suite", pythonSuite],
  ["nmap", nmap],
  ["postgres", postgres],
  ["runtimes", runtimes],
]) {
  if (selected.size > 0 && !selected.has(name)) continue;
  try {
    step();
  } catch (error) {
    report(name, "failed", error instanceof Error ? error.message : String(error));
  }
}
process.exit(0);
