# SPDX-License-Identifier: MIT
# Copyright (c) 2026 informix-db contributors
#
# The `npm start` tour of the emulator's stores_demo database, run by the Python
# informix-driver oracle until the TypeScript driver takes over.
import sys

import informix_db


def table(title, cursor):
    names = [d[0] for d in cursor.description]
    rows = cursor.fetchall()
    widths = [max(len(str(n)), *(len(str(r[i]).rstrip()) for r in rows)) for i, n in enumerate(names)]
    print(f"\n{title}")
    print("  ".join(n.ljust(w) for n, w in zip(names, widths)))
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print("  ".join(str(v).rstrip().ljust(w) for v, w in zip(r, widths)))


def main(host, port):
    conn = informix_db.connect(host=host, port=int(port), user="informix", password="in4mix",
                               database="stores_demo", server="informix")
    cur = conn.cursor()
    cur.execute("SELECT FIRST 5 customer_num, fname, lname, city, state FROM customer ORDER BY customer_num")
    table("First five customers", cur)
    cur.execute("SELECT state, COUNT(*) AS customers FROM customer GROUP BY state ORDER BY 2 DESC, 1")
    table("Customers per state", cur)
    cur.execute("SELECT o.order_num, o.order_date, c.lname, SUM(i.total_price) AS total "
                "FROM orders o, customer c, items i WHERE o.customer_num = c.customer_num "
                "AND i.order_num = o.order_num AND o.order_num < ? GROUP BY 1, 2, 3 ORDER BY 1", (1005,))
    table("Orders with totals", cur)
    conn.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
