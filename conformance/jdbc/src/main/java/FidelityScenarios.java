// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// JDBC scenarios for SQL that IDS has and PostgreSQL spells differently: MERGE (its update count
// is the rows merged), and DATETIME values that SQL makes text: every field of the qualifier, or the
// GL_DATETIME connection property, which IBM JDBC sends in SQ_INFO after login (DBMONEY it keeps to
// itself: it is not sent). Registered in Scenarios.ALL; uses Scenarios.Ctx.

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

final class FidelityScenarios {
  private FidelityScenarios() {}

  static void merge(Scenarios.Ctx c) throws Exception {
    Connection conn = c.createDatabase("cf_j_merge", "WITH LOG");
    try (Statement s = conn.createStatement()) {
      s.executeUpdate("CREATE TABLE cf_stock (sku CHAR(4) NOT NULL, qty INTEGER)");
      s.executeUpdate("CREATE TABLE cf_delivery (sku CHAR(4), qty INTEGER)");
      s.executeUpdate("INSERT INTO cf_stock VALUES ('a', 1)");
      s.executeUpdate("INSERT INTO cf_delivery VALUES ('a', 10)");
      s.executeUpdate("INSERT INTO cf_delivery VALUES ('b', 5)");
      int merged =
          s.executeUpdate(
              "MERGE INTO cf_stock t USING cf_delivery d ON (t.sku = d.sku)"
                  + " WHEN MATCHED THEN UPDATE SET t.qty = t.qty + d.qty"
                  + " WHEN NOT MATCHED THEN INSERT (sku, qty) VALUES (d.sku, d.qty)");
      c.eq("MERGE update count", 2, merged);
      try (ResultSet rs = s.executeQuery("SELECT SUM(qty) FROM cf_stock")) {
        c.check(rs.next(), "no SUM row");
        c.eq("qty after MERGE", 16, rs.getInt(1));
      }
      int deleted =
          s.executeUpdate("MERGE INTO cf_stock t USING cf_delivery d ON t.sku = d.sku WHEN MATCHED THEN DELETE");
      c.eq("MERGE ... DELETE update count", 2, deleted);
    }
  }

  static void datetimeText(Scenarios.Ctx c) throws Exception {
    Connection setup = c.createDatabase("cf_j_dttext", "WITH LOG");
    try (Statement s = setup.createStatement()) {
      s.executeUpdate("CREATE TABLE cf_dt (ts DATETIME YEAR TO FRACTION(5), ymd DATETIME YEAR TO DAY)");
      s.executeUpdate(
          "INSERT INTO cf_dt VALUES (DATETIME(2026-08-31 12:30:15.12) YEAR TO FRACTION(5),"
              + " DATETIME(2026-08-31) YEAR TO DAY)");
      try (ResultSet rs = s.executeQuery("SELECT ts::LVARCHAR, 'on ' || ymd FROM cf_dt")) {
        c.check(rs.next(), "no row");
        c.eq("DATETIME YEAR TO FRACTION(5) text", "2026-08-31 12:30:15.12000", rs.getString(1));
        c.eq("DATETIME YEAR TO DAY || text", "on 2026-08-31", rs.getString(2));
      }
    }
    Properties p = new Properties();
    p.setProperty("GL_DATETIME", "%d.%m.%Y %H:%M");
    Connection conn =
        DriverManager.getConnection(
            Scenarios.Ctx.url("cf_j_dttext", Scenarios.SERVER, Scenarios.USER, Scenarios.PASSWORD), p);
    c.conns.add(conn);
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("SELECT ts::LVARCHAR, ymd::LVARCHAR FROM cf_dt")) {
      c.check(rs.next(), "no row");
      c.eq("DATETIME text, GL_DATETIME", "31.08.2026 12:30", rs.getString(1));
      c.eq("DATETIME YEAR TO DAY text, GL_DATETIME", "2026-08-31", rs.getString(2));
    }
  }
}
