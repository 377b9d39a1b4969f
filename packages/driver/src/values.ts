// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The temporal value classes as the driver exports them (issue 7): the same classes the
// protocol decodes into (so `instanceof` holds for fetched values), but their factory
// methods throw the driver's DriverError (INVALID_ARGUMENT, the codec's message, the
// codec's TypeCodecError as cause) instead of the protocol package's error.

import {
  InformixDate as ProtocolDate,
  InformixDateTime as ProtocolDateTime,
  InformixInterval as ProtocolInterval,
  TypeCodecError,
} from "@informix-db/protocol";
import { DriverError } from "./errors.js";

function guard<A extends unknown[], R>(fn: (...args: A) => R, owner: object): (...args: A) => R {
  return (...args: A) => {
    try {
      return fn.apply(owner, args);
    } catch (cause) {
      if (cause instanceof TypeCodecError) throw new DriverError("INVALID_ARGUMENT", cause.message, { cause });
      throw cause;
    }
  };
}

/** A DATE value (day number since 1899-12-31). */
export type InformixDate = ProtocolDate;
/** A DATETIME value with its qualifier. */
export type InformixDateTime = ProtocolDateTime;
/** An INTERVAL value with its qualifier. */
export type InformixInterval = ProtocolInterval;

/** DATE factories: `InformixDate.of(2024, 2, 29)`, `.parse("2024-02-29")`, `.fromDate(d)`, `.fromDays(n)`. */
export const InformixDate = Object.freeze({
  of: guard(ProtocolDate.of, ProtocolDate),
  parse: guard(ProtocolDate.parse, ProtocolDate),
  fromDate: guard(ProtocolDate.fromDate, ProtocolDate),
  fromDays: guard(ProtocolDate.fromDays, ProtocolDate),
  [Symbol.hasInstance]: (value: unknown): value is ProtocolDate => value instanceof ProtocolDate,
});

/** DATETIME factories: `InformixDateTime.of("YEAR TO SECOND", {...})`, `.parse(text, q)`, `.fromDate(d, q)`. */
export const InformixDateTime = Object.freeze({
  of: guard(ProtocolDateTime.of, ProtocolDateTime),
  parse: guard(ProtocolDateTime.parse, ProtocolDateTime),
  fromDate: guard(ProtocolDateTime.fromDate, ProtocolDateTime),
  [Symbol.hasInstance]: (value: unknown): value is ProtocolDateTime => value instanceof ProtocolDateTime,
});

/** INTERVAL factories: `InformixInterval.of("DAY TO SECOND", {...})`, `.parse(text, q)`. */
export const InformixInterval = Object.freeze({
  of: guard(ProtocolInterval.of, ProtocolInterval),
  parse: guard(ProtocolInterval.parse, ProtocolInterval),
  [Symbol.hasInstance]: (value: unknown): value is ProtocolInterval => value instanceof ProtocolInterval,
});
