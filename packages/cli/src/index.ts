// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Public barrel of @informix-db/cli: the `ifx` entry point and the pieces a program may reuse
// (the statement splitter, the UNLOAD/LOAD file format, the option parser).

export { type LoadStatement, parseLoadUnload, type UnloadStatement } from "./load-unload.js";
export { main } from "./main.js";
export { type CliOptions, parseOptions, USAGE } from "./options.js";
export { type SplitStatement, StatementSplitter, splitStatements } from "./splitter.js";
export { findServer, parseServices, type SqlhostsEntry } from "./sqlhosts.js";
export {
  type DateFormat,
  encodeRecord,
  type Field,
  formatDate,
  parseDate,
  parseDbdate,
  RecordReader,
} from "./unl.js";
