// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The statements of bench/replay (JdbcReplay.java repeats them; keep the two in step).

export const TABLE_DDL = "CREATE TABLE rt (id INTEGER, name VARCHAR(40), amount DECIMAL(10,2))";
export const SIMPLE_SQL = "SELECT id, name, amount FROM rt WHERE id = 1";
export const ROWS_SQL = "SELECT id, name, amount FROM rt";
export const ROW_COUNT = 1000;
