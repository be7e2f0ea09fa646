/**
 * The layering `npm test` enforces (`npm run depcruise`); a violation fails the run and names
 * its rule. Paths are relative to the directory depcruise runs in (the repository root, or a
 * fixture tree in test/architecture/layering.test.ts).
 *
 * Each layer's paths are set once, here at the top, so that moving folders means updating these
 * constants only. The layers are the folders of lib/ (README.md, "Layout"; docs/architecture.md).
 */
const fs = require("node:fs");
const path = require("node:path");

/** The pure, isomorphic core used by the server, the browser verifier and the CLIs. */
const CORE = ["^lib/core/"];
/**
 * The only packages the core may use besides itself: hashing and signatures, and lru-cache (a
 * bounded map with no I/O, which runs in browsers too) for the tile cache.
 */
const CORE_PACKAGES = ["(^|/)node_modules/@noble/", "(^|/)node_modules/lru-cache/"];
/** Pure modules both sides use (rules, formats, URL builders): no server, no browser code. */
const SHARED = ["^lib/shared/"];
/** Code for the browser only (the verifier's fetching and storage, the editor). */
const BROWSER = ["^lib/browser/"];
/** UI components, shared by the routes. */
const COMPONENTS = ["^components/"];
/** Next's routes: pages, layouts, route handlers and the files colocated with them. */
const APP_DIR = "app";
/** Server modules that are such by place or by package, whether or not they say so. */
const SERVER_PATHS = ["^lib/server/", "(^|/)node_modules/(server-only|pg|@prisma|@electric-sql|nodemailer)/"];
/** Where the modules that declare themselves server code (`import "server-only"`) live. */
const SERVER_SCAN_DIRS = ["lib", "components"];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const sourceFile = /\.(ts|tsx|mts|mjs|js)$/;

/** Every module under the scanned folders that imports "server-only": the server layer. */
function serverOnlyModules() {
  const found = [];
  for (const dir of SERVER_SCAN_DIRS) {
    if (!fs.existsSync(dir)) continue;
    for (const file of fs.readdirSync(dir, { recursive: true })) {
      const rel = path.posix.join(dir, String(file).split(path.sep).join("/"));
      if (!sourceFile.test(rel) || rel.includes("/generated/")) continue;
      if (/^\s*import\s+["']server-only["']/m.test(fs.readFileSync(rel, "utf8"))) found.push(`^${escape(rel)}$`);
    }
  }
  return found;
}

/** Each folder under app/ that holds files: a route and its colocated modules. */
function appFolders() {
  if (!fs.existsSync(APP_DIR)) return [];
  const folders = new Set();
  for (const file of fs.readdirSync(APP_DIR, { recursive: true })) {
    const rel = path.posix.join(APP_DIR, String(file).split(path.sep).join("/"));
    if (fs.statSync(rel).isFile()) folders.add(path.posix.dirname(rel));
  }
  return [...folders].sort();
}

const SERVER = [...SERVER_PATHS, ...serverOnlyModules()];

module.exports = {
  forbidden: [
    {
      name: "core-is-pure",
      comment:
        "lib/core (the log and the verifier) runs in the browser and the CLIs as well as on the server: it imports only itself, @noble and lru-cache, " +
        "never a framework (next, react), a database (@prisma, pg), node: I/O, server-only or any other lib/ module.",
      severity: "error",
      from: { path: CORE },
      to: { pathNot: [...CORE, ...CORE_PACKAGES] },
    },
    {
      name: "shared-is-shared",
      comment: "lib/shared runs on both sides: it imports the core and itself, never lib/server or lib/browser (types excepted, as for components).",
      severity: "error",
      from: { path: SHARED },
      to: { path: [...SERVER_PATHS, ...BROWSER], dependencyTypesNot: ["type-only"] },
    },
    {
      name: "components-not-server",
      comment:
        "Components are UI: they take their data as props and never import a server module (anything in lib/server/, anything that imports server-only, " +
        "or a database or mail package). Type-only imports are allowed: they are erased when compiled, so no " +
        "server code, secret or driver reaches a bundle, and the data shapes stay declared next to the query that produces them.",
      severity: "error",
      from: { path: COMPONENTS },
      to: { path: SERVER, dependencyTypesNot: ["type-only"] },
    },
    // One rule per route folder: its files import only files in the same folder; what two routes
    // share lives in lib/ (rules) or components/ (UI). Generated because app/ paths contain
    // brackets ([locale], [id]) that a captured path group would turn into regex classes.
    ...appFolders().map((folder) => ({
      name: "routes-independent",
      comment: `${folder}: a route imports no other route's files; shared code lives in lib/ or components/.`,
      severity: "error",
      from: { path: `^${escape(folder)}/[^/]+$` },
      to: { path: `^${escape(APP_DIR)}/`, pathNot: `^${escape(folder)}/[^/]+$` },
    })),
    {
      name: "no-circular",
      comment:
        "Modules do not depend on each other in a cycle. A cycle closed by a type-only import is allowed: it is erased " +
        "when compiled, so it cannot change the order modules load in (lib/server/seed's notice lists name their type in lib/server/seed/demo-notices.ts).",
      severity: "error",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
  ],
  options: {
    // The generated Prisma client is checked as a target (lib/server/db/), not cruised into.
    doNotFollow: { path: ["(^|/)node_modules/", "^lib/server/db/generated/"] },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".mts", ".mjs", ".js", ".json", ".d.ts"],
    },
  },
};
