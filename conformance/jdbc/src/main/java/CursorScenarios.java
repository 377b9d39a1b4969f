// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// JDBC scenarios for positioned updates (issue 8 §1): an updatable ResultSet
// (CONCUR_UPDATABLE on SELECT ... FOR UPDATE; updateRow() and deleteRow() send
// UPDATE/DELETE ... WHERE CURRENT OF with the cursor name IBM JDBC gave in SQ_CURNAME), and
// Statement.setCursorName with positioned UPDATE/DELETE from another Statement, including
// -266 once the current row is deleted. Registered in Scenarios.ALL; uses Scenarios.Ctx.

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

final class CursorScenarios {
  private CursorScenarios() {}

  private static Connection withCustomers(Scenarios.Ctx c, String db) throws Exception {
    Connection conn = c.createDatabase(db, "WITH LOG");
    try (Statement s = conn.createStatement()) {
      s.executeUpdate("CREATE TABLE customer (customer_num SERIAL, fname CHAR(15))");
      for (int i = 101; i <= 104; i++) s.executeUpdate("INSERT INTO customer VALUES (" + i + ", 'name " + i + "')");
    }
    return conn;
  }

  private static String contents(Connection conn) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Statement s = conn.createStatement();
        ResultSet r = s.executeQuery("SELECT customer_num, fname FROM customer ORDER BY customer_num")) {
      while (r.next()) rows.add(r.getInt(1) + "=" + r.getString(2).trim());
    }
    return String.join(",", rows);
  }

  static void updatableResultSet(Scenarios.Ctx c) throws Exception {
    Connection conn = withCustomers(c, "cf_j_updrs");
    conn.setAutoCommit(false);
    try (Statement s = conn.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE);
        ResultSet r = s.executeQuery("select customer_num, fname from customer where customer_num >= 102 for update")) {
      c.eq("concurrency", ResultSet.CONCUR_UPDATABLE, r.getConcurrency());
      c.eq("columns", 2, r.getMetaData().getColumnCount());
      while (r.next()) {
        int n = r.getInt(1);
        if (n == 102) {
          r.updateString(2, "Updated");
          r.updateRow();
        } else if (n == 103) {
          r.deleteRow();
        }
      }
    }
    conn.commit();
    c.eq("rows after updateRow/deleteRow", "101=name 101,102=Updated,104=name 104", contents(conn));
  }

  static void setCursorName(Scenarios.Ctx c) throws Exception {
    Connection conn = withCustomers(c, "cf_j_curname");
    conn.setAutoCommit(false);
    try (Statement q = conn.createStatement(); Statement u = conn.createStatement()) {
      q.setCursorName("cur1");
      try (ResultSet r = q.executeQuery("select customer_num, fname from customer for update")) {
        c.eq("first row", 101, r.next() ? r.getInt(1) : -1);
        c.eq("update count", 1, u.executeUpdate("update customer set fname = 'Positioned' where current of cur1"));
        c.eq("same row again", 1, u.executeUpdate("update customer set fname = trim(fname) || '!' where current of cur1"));
        c.eq("second row", 102, r.next() ? r.getInt(1) : -1);
        c.eq("delete count", 1, u.executeUpdate("delete from customer where current of cur1"));
        c.expectError("delete again", -266, () -> u.executeUpdate("delete from customer where current of cur1"));
        c.expectError("unknown cursor", -259, () -> u.executeUpdate("delete from customer where current of nosuch"));
        c.eq("third row", 103, r.next() ? r.getInt(1) : -1);
      }
    }
    try (Statement q = conn.createStatement(); Statement u = conn.createStatement()) {
      q.setCursorName("ro");
      try (ResultSet r = q.executeQuery("select customer_num from customer where customer_num = 104")) {
        c.eq("read-only cursor row", 104, r.next() ? r.getInt(1) : -1);
        c.expectError("not FOR UPDATE", -290, () -> u.executeUpdate("delete from customer where current of ro"));
      }
    }
    conn.commit();
    c.eq("rows after positioned UPDATE/DELETE", "101=Positioned!,103=name 103,104=name 104", contents(conn));
  }
}
