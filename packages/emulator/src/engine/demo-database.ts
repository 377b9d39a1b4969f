// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Creates the stores_demo database (WITH LOG) through an ordinary engine session, so
// its tables get the same side catalog, SERIAL triggers and constraints as user DDL.

import { pgString } from "../sql/context.js";
import { CALL_TYPES, CUST_CALLS, CUSTOMERS, MANUFACTURERS, PRODUCTS, STATES } from "./demo-data.js";
import type { Engine, EngineSession } from "./types.js";

export const DEMO_DATABASE = "stores_demo";

const SCHEMA = [
  `CREATE TABLE customer (customer_num SERIAL(101), fname CHAR(15), lname CHAR(15), company CHAR(20),
    address1 CHAR(20), address2 CHAR(20), city CHAR(15), state CHAR(2), zipcode CHAR(5), phone CHAR(18),
    PRIMARY KEY (customer_num))`,
  `CREATE TABLE orders (order_num SERIAL(1001), order_date DATE, customer_num INTEGER NOT NULL,
    ship_instruct CHAR(40), backlog CHAR(1), po_num CHAR(10), ship_date DATE, ship_weight DECIMAL(8,2),
    ship_charge MONEY(6), paid_date DATE, PRIMARY KEY (order_num),
    FOREIGN KEY (customer_num) REFERENCES customer (customer_num))`,
  `CREATE TABLE manufact (manu_code CHAR(3), manu_name CHAR(15), lead_time INTERVAL DAY(3) TO DAY,
    PRIMARY KEY (manu_code))`,
  `CREATE TABLE stock (stock_num SMALLINT, manu_code CHAR(3), description CHAR(15), unit_price MONEY(6,2),
    unit CHAR(4), unit_descr CHAR(15), PRIMARY KEY (stock_num, manu_code),
    FOREIGN KEY (manu_code) REFERENCES manufact (manu_code))`,
  `CREATE TABLE items (item_num SMALLINT, order_num INTEGER, stock_num SMALLINT NOT NULL,
    manu_code CHAR(3) NOT NULL, quantity SMALLINT CHECK (quantity >= 1), total_price MONEY(8),
    PRIMARY KEY (item_num, order_num), FOREIGN KEY (order_num) REFERENCES orders (order_num),
    FOREIGN KEY (stock_num, manu_code) REFERENCES stock (stock_num, manu_code))`,
  "CREATE TABLE state (code CHAR(2), sname CHAR(15), PRIMARY KEY (code))",
  "CREATE TABLE call_type (call_code CHAR(1), code_descr CHAR(30), PRIMARY KEY (call_code))",
  `CREATE TABLE cust_calls (customer_num INTEGER, call_dtime DATETIME YEAR TO MINUTE, user_id CHAR(32) DEFAULT USER,
    call_code CHAR(1), call_descr CHAR(240), res_dtime DATETIME YEAR TO MINUTE, res_descr CHAR(240),
    PRIMARY KEY (customer_num, call_dtime), FOREIGN KEY (customer_num) REFERENCES customer (customer_num),
    FOREIGN KEY (call_code) REFERENCES call_type (call_code))`,
  "CREATE INDEX zip_ix ON customer (zipcode)",
];

function lit(v: string | number | null): string {
  if (v === null) return "NULL";
  return typeof v === "number" ? String(v) : pgString(v);
}

function values(rows: readonly (readonly (string | number | null)[])[]): string {
  return rows.map((r) => `(${r.map(lit).join(", ")})`).join(", ");
}

/** A small deterministic generator so the demo rows are the same on every start. */
function generator(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

interface StockRow {
  readonly stock: number;
  readonly manu: string;
  readonly price: number;
}

function stockRows(): { rows: (string | number)[][]; stock: StockRow[] } {
  const rnd = generator(7);
  const rows: (string | number)[][] = [];
  const stock: StockRow[] = [];
  for (const [num, descr, unit, unitDescr, base] of PRODUCTS) {
    const makers = 1 + Math.floor(rnd() * 3);
    const used = new Set<string>();
    for (let m = 0; m < makers && rows.length < 74; m++) {
      const manu = MANUFACTURERS[Math.floor(rnd() * MANUFACTURERS.length)]![0];
      if (used.has(manu)) continue;
      used.add(manu);
      const price = Math.round(base * (0.85 + rnd() * 0.3) * 100) / 100;
      rows.push([num, manu, descr, price.toFixed(2), unit, unitDescr]);
      stock.push({ stock: num, manu, price });
    }
  }
  return { rows, stock };
}

async function run(session: EngineSession, sql: string): Promise<void> {
  await session.execute(await session.prepare(sql), []);
}

export async function createDemoDatabase(engine: Engine): Promise<void> {
  const s = engine.openSession("informix");
  try {
    await run(s, `CREATE DATABASE ${DEMO_DATABASE} WITH LOG`);
    for (const ddl of SCHEMA) await run(s, ddl);
    await run(s, `INSERT INTO state VALUES ${values(STATES)}`);
    await run(s, `INSERT INTO call_type VALUES ${values(CALL_TYPES)}`);
    await run(s, `INSERT INTO manufact VALUES ${values(MANUFACTURERS.map(([c, n, d]) => [c, n, `${d} 0:0:0`]))}`);
    await run(s, `INSERT INTO customer VALUES ${values(CUSTOMERS.map((c) => [0, ...c]))}`);
    const { rows, stock } = stockRows();
    await run(s, `INSERT INTO stock VALUES ${values(rows)}`);
    const rnd = generator(11);
    const orders: (string | number | null)[][] = [];
    const items: (string | number)[][] = [];
    for (let n = 0; n < 23; n++) {
      const day = new Date(Date.UTC(2025, 4, 20 + n * 3));
      const iso = (d: Date): string => d.toISOString().slice(0, 10);
      const shipped = new Date(day.getTime() + 86400000 * (2 + (n % 5)));
      const paid = n % 4 === 3 ? null : iso(new Date(shipped.getTime() + 86400000 * (10 + (n % 20))));
      const weight = (5 + rnd() * 90).toFixed(2);
      const charge = (5 + rnd() * 40).toFixed(2);
      orders.push([
        0,
        iso(day),
        101 + ((n * 7) % 28),
        n % 3 === 0 ? "express" : "ground",
        n % 6 === 0 ? "y" : "n",
        `B${77836 + n * 11}`,
        iso(shipped),
        weight,
        charge,
        paid,
      ]);
      const count = n < 21 ? 3 : 2;
      for (let k = 1; k <= count; k++) {
        const st = stock[Math.floor(rnd() * stock.length)]!;
        const qty = 1 + Math.floor(rnd() * 4);
        items.push([k, 1001 + n, st.stock, st.manu, qty, (st.price * qty).toFixed(2)]);
      }
    }
    await run(s, `INSERT INTO orders VALUES ${values(orders)}`);
    await run(s, `INSERT INTO items VALUES ${values(items.slice(0, 67))}`);
    await run(s, `INSERT INTO cust_calls VALUES ${values(CUST_CALLS)}`);
  } finally {
    await s.close();
  }
}
