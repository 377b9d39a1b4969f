// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Public barrel of informix-db. Every export is listed by name; a change here is an API change.

export {};
