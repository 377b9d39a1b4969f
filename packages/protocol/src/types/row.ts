// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// ROW (22): unnamed `ROW(...)` and named row types (CREATE ROW TYPE; the type word then
// carries SQLNAMEDROW 0x1000 in its high byte, stripped by the registry's mask).
// Tuple: the opaque envelope around the value's text, e.g. `ROW('Alice',30)`; NULL =
// 01 00 00 00 00 (informix-driver, IDS 15). The fields come from DESCRIBE's extended type
// name, e.g. `ROW(name varchar(50), age integer)` (asserted by informix-driver's suite).
// Bind: the text as VARCHAR (type 13) [inferred]. JS value: a plain object keyed by field
// name (an array when the type name is not a ROW); an object or array binds.

import { SQLROW } from "../constants/type-codes.js";
import { compositeCodec } from "./collection.js";

/** ROW codec; values are plain objects. */
export const rowCodec = compositeCodec("ROW", [SQLROW]);
