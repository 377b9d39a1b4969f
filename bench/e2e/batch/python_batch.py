# SPDX-License-Identifier: MIT
# Copyright (c) 2026 informix-db contributors
#
# Python informix-driver side of bench/e2e/batch-insert.mjs: creates its database and
# table, then times one executemany() of `rows` prepared INSERTs inside one transaction
# (autocommit off, commit at the end). Run with the oracle's venv:
#   conformance/python/.venv/bin/python bench/e2e/batch/python_batch.py host port db rows
# Prints one JSON line: {"client":"python","rows":n,"ms":t}.

import decimal
import json
import sys
import time

import informix_db

host, port, db, rows = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
kw = dict(user="informix", password="in4mix", server="informix", connect_timeout=10, read_timeout=120)

admin = informix_db.connect(host, port, database=None, autocommit=True, **kw)
cur = admin.cursor()
cur.execute(f"CREATE DATABASE {db} WITH LOG")
cur.execute("CREATE TABLE bt (id INTEGER, name VARCHAR(40), amount DECIMAL(10,2))")
admin.close()

conn = informix_db.connect(host, port, database=db, autocommit=False, **kw)
cur = conn.cursor()
data = [(i, f"name {i}", decimal.Decimal(f"{i}.25")) for i in range(rows)]
started = time.perf_counter()
cur.executemany("INSERT INTO bt VALUES (?, ?, ?)", data)
conn.commit()
ms = (time.perf_counter() - started) * 1000
cur.execute("SELECT COUNT(*) FROM bt")
count = cur.fetchone()[0]
if count != rows:
    raise SystemExit(f"table has {count} rows")
conn.close()
print(json.dumps({"client": "python", "rows": rows, "ms": ms}))
