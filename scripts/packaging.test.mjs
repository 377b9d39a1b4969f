// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 12: what `npm pack` ships, checked on the real tarballs (after `npm run build`), offline.
// For each published package: the file list, LICENSE, metadata, source and declaration maps that
// resolve inside the tarball, imports that resolve inside it, @arethetypeswrong/cli (node10, node16,
// bundler) and publint. Then the tarballs are unpacked into a scratch project and used as a user
// would: CommonJS require and ESM import against the emulator, and `npx @informix-db/emulator`.
import assert from "node:assert/strict";
import { execFile, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { startEmulator } from "@informix-db/emulator";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = (name) => join(root, "node_modules", ".bin", name);
const rootPkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const license = readFileSync(join(root, "LICENSE"), "utf8");

/** Every package under packages/ that is not private is published. */
const packages = readdirSync(join(root, "packages"))
  .map((dir) => ({ dir, pkg: JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8")) }))
  .filter(({ pkg }) => !pkg.private);

const scratch = mkdtempSync(join(tmpdir(), "informix-db-pack-"));
const tarballs = new Map(); // package name → { tgz, files, unpacked }

function run(command, args, options = {}) {
  const r = spawnSync(command, args, { encoding: "utf8", timeout: 180_000, ...options });
  return { ...r, output: `${r.stdout ?? ""}${r.stderr ?? ""}` };
}

function walk(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

before(() => {
  const packs = join(scratch, "packs");
  mkdirSync(packs);
  for (const { dir, pkg } of packages) {
    const r = run("npm", ["pack", "--json", "--offline", "--pack-destination", packs], {
      cwd: join(root, "packages", dir),
    });
    assert.equal(r.status, 0, r.output);
    const [info] = JSON.parse(r.stdout);
    const unpacked = join(scratch, "unpacked", dir);
    mkdirSync(unpacked, { recursive: true });
    const x = run("tar", ["-xzf", join(packs, info.filename), "-C", unpacked, "--strip-components=1"]);
    assert.equal(x.status, 0, x.output);
    tarballs.set(pkg.name, { tgz: join(packs, info.filename), files: info.files.map((f) => f.path), unpacked });
  }
  // A real install of the tarballs, as a user would do it, offline: `npm ci` has put every
  // third-party dependency (PGlite) in npm's cache, and a lockfile holding just those entries,
  // copied from the workspace's, spares npm the registry look-up that --offline forbids.
  const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));
  const local = new Set(packages.map(({ pkg }) => pkg.name));
  const thirdParty = {};
  // Peer dependencies too (Kysely for @informix-db/kysely): npm installs them with the package.
  const queue = packages
    .flatMap(({ pkg }) => [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})])
    .filter((d) => !local.has(d));
  while (queue.length > 0) {
    const name = queue.shift();
    const key = `node_modules/${name}`;
    if (thirdParty[key]) continue;
    // Hoisted to the root, or kept beside the one workspace package that uses it.
    const entry =
      lock.packages[key] ??
      packages.map(({ dir }) => lock.packages[`packages/${dir}/${key}`]).find((e) => e !== undefined);
    assert.ok(entry, `${name} is in package-lock.json`);
    // npm leaves `resolved` out of some entries; the tarball's usual address lets npm take it from
    // its cache by integrity instead of asking the registry.
    const base = name.split("/").pop();
    const resolved = entry.resolved ?? `https://registry.npmjs.org/${name}/-/${base}-${entry.version}.tgz`;
    const { dev: _dev, peer: _peer, ...rest } = entry;
    thirdParty[key] = { ...rest, resolved };
    queue.push(...Object.keys(entry.dependencies ?? {}));
  }
  const pins = Object.fromEntries(
    Object.entries(thirdParty).map(([k, v]) => [k.slice("node_modules/".length), v.version]),
  );
  writeFileSync(join(scratch, "package.json"), JSON.stringify({ name: "scratch", private: true, dependencies: pins }));
  writeFileSync(
    join(scratch, "package-lock.json"),
    JSON.stringify({
      name: "scratch",
      lockfileVersion: 3,
      requires: true,
      packages: { "": { name: "scratch", dependencies: pins }, ...thirdParty },
    }),
  );
  const tgzs = [...tarballs.values()].map((t) => t.tgz);
  const install = run("npm", ["install", "--offline", "--no-audit", "--no-fund", ...tgzs], { cwd: scratch });
  assert.equal(install.status, 0, install.output);
});

after(() => rmSync(scratch, { recursive: true, force: true }));

for (const { dir, pkg } of packages) {
  describe(`npm pack ${pkg.name}`, () => {
    const shipped = () => tarballs.get(pkg.name);

    test("ships only the build, the sources its maps name, bin, README, LICENSE and package.json", () => {
      const { files } = shipped();
      const allowed =
        /^(dist\/src\/.+\.(js|d\.ts|js\.map|d\.ts\.map)|src\/.+\.ts|bin\/.+\.js|LICENSE|README\.md|package\.json)$/;
      assert.deepEqual(
        files.filter((f) => !allowed.test(f)),
        [],
      );
      for (const f of ["LICENSE", "README.md", "package.json", "dist/src/index.js", "dist/src/index.d.ts"]) {
        assert.ok(files.includes(f), `${f} is in the tarball`);
      }
      assert.ok(!files.some((f) => f.includes("test/") || f.endsWith(".tsbuildinfo")), "no tests, no build info");
    });

    test("LICENSE is the repository's MIT licence", () => {
      assert.equal(readFileSync(join(shipped().unpacked, "LICENSE"), "utf8"), license);
      assert.match(license, /^MIT License/);
    });

    test("metadata: license, repository, homepage, bugs, keywords, sideEffects, engines, entry points", () => {
      assert.equal(pkg.license, "MIT");
      assert.ok(pkg.description && pkg.description.length > 20, "description");
      assert.equal(pkg.repository?.type, "git");
      assert.equal(pkg.repository?.directory, `packages/${dir}`);
      assert.match(pkg.repository?.url ?? "", /^git\+https:\/\/.+\.git$/);
      assert.match(pkg.homepage ?? "", /^https:\/\//);
      assert.match(pkg.bugs?.url ?? "", /^https:\/\//);
      assert.ok(Array.isArray(pkg.keywords) && pkg.keywords.includes("informix"), "keywords");
      // No module of these packages does anything at import time, so bundlers may drop unused ones.
      assert.equal(pkg.sideEffects, false);
      // CommonJS `require()` of an ES module works unflagged from Node 20.19 and 22.12 on; the
      // engines range admits exactly those versions (the scratch test below requires the packages).
      assert.equal(pkg.engines?.node, "^20.19.0 || >=22.12.0");
      assert.equal(pkg.engines.node, rootPkg.engines.node);
      assert.equal(pkg.type, "module");
      const { files } = shipped();
      const targets = [pkg.main, pkg.types, ...Object.values(pkg.bin ?? {})];
      for (const entry of Object.values(pkg.exports)) {
        targets.push(...(typeof entry === "string" ? [entry] : Object.values(entry)));
      }
      for (const t of targets) assert.ok(files.includes(t.replace(/^\.\//, "")), `${t} is in the tarball`);
      for (const dep of Object.keys(pkg.dependencies ?? {})) {
        const local = packages.find((p) => p.pkg.name === dep);
        if (local) assert.equal(pkg.dependencies[dep], local.pkg.version, `${dep} is pinned to the version beside it`);
      }
    });

    test("every source map and declaration map resolves to a file in the tarball", () => {
      const { unpacked } = shipped();
      const maps = walk(unpacked).filter((f) => f.endsWith(".map"));
      assert.ok(maps.length > 0);
      const missing = [];
      for (const map of maps) {
        const { sources, file } = JSON.parse(readFileSync(map, "utf8"));
        if (!existsSync(join(dirname(map), file))) missing.push(`${relative(unpacked, map)}: file ${file}`);
        for (const s of sources) {
          if (!existsSync(join(dirname(map), s))) missing.push(`${relative(unpacked, map)} → ${s}`);
        }
      }
      assert.deepEqual(missing.slice(0, 10), []);
      for (const js of walk(join(unpacked, "dist")).filter((f) => f.endsWith(".js"))) {
        assert.ok(existsSync(`${js}.map`), `${relative(unpacked, js)} has its map`);
      }
    });

    test("every relative import in the shipped JavaScript and declarations resolves inside the tarball", () => {
      const { unpacked } = shipped();
      const broken = [];
      for (const file of walk(join(unpacked, "dist")).filter((f) => /\.(js|d\.ts)$/.test(f))) {
        const text = readFileSync(file, "utf8");
        for (const m of text.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)) {
          const spec = m[1];
          const resolved = join(dirname(file), spec);
          const candidates = file.endsWith(".d.ts") ? [resolved.replace(/\.js$/, ".d.ts"), resolved] : [resolved];
          if (!candidates.some(existsSync)) broken.push(`${relative(unpacked, file)} → ${spec}`);
        }
      }
      assert.deepEqual(broken.slice(0, 10), []);
    });

    test("@arethetypeswrong/cli: types resolve under node10, node16 (CJS and ESM) and bundler", () => {
      // cjs-resolves-to-esm is the one rule ignored: the packages are ESM only, and `require()` of them
      // works on every Node version `engines` admits (checked by the scratch-project test below).
      const r = run(bin("attw"), [shipped().tgz, "--format", "json", "--ignore-rules", "cjs-resolves-to-esm"]);
      assert.equal(r.status, 0, r.output.slice(0, 4000));
      const { analysis } = JSON.parse(r.stdout);
      const kinds = ["node10", "node16-cjs", "node16-esm", "bundler"];
      for (const [entry, byKind] of Object.entries(analysis.entrypoints)) {
        for (const kind of kinds) {
          const resolution = byKind.resolutions[kind]?.resolution;
          assert.ok(resolution?.fileName, `${entry} resolves under ${kind}`);
          assert.equal(resolution.isTypeScript, !entry.endsWith("package.json"), `${entry} ${kind}`);
        }
      }
    });

    test("publint --strict reports nothing", () => {
      const r = run(bin("publint"), ["--strict", "--pack", "npm"], { cwd: join(root, "packages", dir) });
      assert.equal(r.status, 0, r.output);
      assert.match(r.output, /All good!/);
    });
  });
}

describe("the packed tarballs in a scratch project", () => {
  const connectAndQuery = `
    const emu = await startEmulator({ port: 0, demo: true });
    try {
      const conn = await connect({ host: emu.host, port: emu.port, server: "informix", user: "informix",
        password: "in4mix", database: "stores_demo" });
      const { rows } = await conn.query("SELECT COUNT(*) AS n FROM customer WHERE customer_num = ?", [101]);
      await conn.close();
      console.log("rows=" + String(rows[0].n) + " protocol=" + Object.keys(protocol).length);
    } finally {
      await emu.close();
    }`;

  test("CommonJS: require() of every package works on this Node and runs a query against the emulator", () => {
    const file = join(scratch, "use.cjs");
    writeFileSync(
      file,
      `const { connect } = require("informix-db");
       const { startEmulator } = require("@informix-db/emulator");
       const protocol = require("@informix-db/protocol");
       (async () => {${connectAndQuery}})().catch((e) => { console.error(e); process.exit(1); });`,
    );
    const r = run(process.execPath, [file], { cwd: scratch });
    assert.equal(r.status, 0, r.output);
    assert.match(r.stdout, /rows=1 protocol=[1-9]\d+/);
  });

  test("ESM: import of every package works and runs a query against the emulator", () => {
    const file = join(scratch, "use.mjs");
    writeFileSync(
      file,
      `import { connect } from "informix-db";
       import { startEmulator } from "@informix-db/emulator";
       import * as protocol from "@informix-db/protocol";
       import { createPool } from "informix-db";
       import { InformixDialect } from "@informix-db/kysely";
       import { Kysely } from "kysely";
       ${connectAndQuery}
       const emu2 = await startEmulator({ port: 0, demo: true });
       const db = new Kysely({ dialect: new InformixDialect({ pool: createPool({ host: emu2.host, port: emu2.port,
         server: "informix", user: "informix", password: "in4mix", database: "stores_demo" }) }) });
       const top = await db.selectFrom("customer").select("customer_num").orderBy("customer_num").limit(1).execute();
       await db.destroy();
       await emu2.close();
       console.log("kysely=" + top[0].customer_num);`,
    );
    const r = run(process.execPath, [file], { cwd: scratch });
    assert.equal(r.status, 0, r.output);
    assert.match(r.stdout, /rows=1 protocol=[1-9]\d+/);
    assert.match(r.stdout, /kysely=101/);
  });

  test("`npx ifx --version` runs the command-line client from its tarball", () => {
    const r = run("npx", ["--offline", "--no-install", "ifx", "--version"], { cwd: scratch });
    assert.equal(r.status, 0, r.output);
    assert.equal(r.stdout, `ifx ${packages.find((p) => p.dir === "cli").pkg.version}\n`);
  });

  test("`npx @informix-db/emulator` starts the emulator's CLI", async () => {
    const npx = spawn("npx", ["--offline", "--no-install", "@informix-db/emulator", "--port", "0"], {
      cwd: scratch,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let out = "";
    npx.stdout.on("data", (d) => {
      out += d;
    });
    npx.stderr.on("data", (d) => {
      out += d;
    });
    const exited = new Promise((resolve) => npx.on("exit", resolve));
    try {
      const deadline = Date.now() + 60_000;
      while (!/listening on 127\.0\.0\.1:\d+/.test(out) && npx.exitCode === null && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.match(out, /^informix-emulator listening on 127\.0\.0\.1:\d+$/m);
    } finally {
      // npx runs the bin in a child of its own: stop the whole process group we started.
      if (npx.exitCode === null) process.kill(-npx.pid, "SIGTERM");
      await exited;
    }
  });
});

// The tarballs on every runtime the driver supports: Node 22 and 24, Bun and Deno, installed from
// their npm packages into .runtimes/ by `node scripts/install-oracles.mjs runtimes` (`npm test` runs it
// first). The emulator runs here, on the system Node; the scratch project's installed packages
// (informix-db, @informix-db/kysely, kysely) run on the other runtime.
const runtimes = join(root, ".runtimes", "node_modules");
const OTHER_RUNTIMES = [
  { name: "Node 22", bin: join(runtimes, "node22", "bin", "node"), args: [] },
  { name: "Node 24", bin: join(runtimes, "node24", "bin", "node"), args: [] },
  { name: "Bun", bin: join(runtimes, "bun", "bin", "bun.exe"), args: [] },
  { name: "Deno", bin: join(runtimes, "deno", "deno"), args: ["run", "--allow-all"] },
];
if (!existsSync(runtimes) && process.env.INFORMIX_DB_REQUIRE_ORACLES !== "1") {
  process.stderr.write(
    "packaging: .runtimes/ not installed (node scripts/install-oracles.mjs runtimes): the tarballs run on this Node only\n",
  );
} else {
  describe("the packed tarballs on Node 22, Node 24, Bun and Deno", () => {
    let emu;
    before(async () => {
      emu = await startEmulator({ port: 0, demo: true });
      writeFileSync(
        join(scratch, "use-runtime.mjs"),
        `import { connect, createPool } from "informix-db";
         import { InformixDialect } from "@informix-db/kysely";
         import { Kysely } from "kysely";
         const port = Number(${"typeof Deno === 'undefined' ? process.argv[2] : Deno.args[0]"});
         const options = { host: "127.0.0.1", port, server: "informix", user: "informix", password: "in4mix", database: "stores_demo" };
         const conn = await connect(options);
         const { rows } = await conn.query("SELECT COUNT(*) AS n FROM customer WHERE customer_num = ?", [101]);
         await conn.close();
         const db = new Kysely({ dialect: new InformixDialect({ pool: createPool(options) }) });
         const top = await db.selectFrom("customer").select("customer_num").orderBy("customer_num").limit(1).offset(1).execute();
         await db.destroy();
         console.log("rows=" + String(rows[0].n) + " kysely=" + top[0].customer_num);`,
      );
    });
    after(async () => {
      await emu?.close();
    });
    for (const rt of OTHER_RUNTIMES) {
      test(`${rt.name}: import of informix-db and @informix-db/kysely from the tarballs runs queries`, async () => {
        assert.ok(existsSync(rt.bin), `${rt.bin} is installed`);
        // Asynchronously: the emulator serving it runs in this process.
        const r = await new Promise((resolve) => {
          execFile(
            rt.bin,
            [...rt.args, join(scratch, "use-runtime.mjs"), String(emu.port)],
            { cwd: scratch, encoding: "utf8", timeout: 120_000, env: { ...process.env, NO_COLOR: "1" } },
            (error, stdout, stderr) => resolve({ error, output: `${stdout}${stderr}`, stdout }),
          );
        });
        assert.equal(r.error, null, r.output);
        assert.match(r.stdout, /rows=1 kysely=102/);
      });
    }
  });
}
