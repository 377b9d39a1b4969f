// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// IBM JDBC side of bench/e2e/batch-insert.mjs: creates its database and table, then times
// one prepared INSERT of `rows` rows with addBatch/executeBatch inside one transaction
// (autocommit off, commit at the end). Run as a single-file program:
//   java -cp 'conformance/jdbc/target/lib/*' bench/e2e/batch/JdbcBatch.java host port db rows
// Prints one JSON line: {"client":"jdbc","rows":n,"ms":t}.

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

public class JdbcBatch {
  public static void main(String[] args) throws Exception {
    String host = args[0];
    String port = args[1];
    String db = args[2];
    int rows = Integer.parseInt(args[3]);
    String base = "jdbc:informix-sqli://" + host + ":" + port;
    String opts = ":INFORMIXSERVER=informix;user=informix;password=in4mix";
    try (Connection c = DriverManager.getConnection(base + opts); Statement s = c.createStatement()) {
      s.executeUpdate("CREATE DATABASE " + db + " WITH LOG");
      s.executeUpdate("CREATE TABLE bt (id INTEGER, name VARCHAR(40), amount DECIMAL(10,2))");
    }
    try (Connection c = DriverManager.getConnection(base + "/" + db + opts)) {
      c.setAutoCommit(false);
      long started = System.nanoTime();
      try (PreparedStatement p = c.prepareStatement("INSERT INTO bt VALUES (?, ?, ?)")) {
        for (int i = 0; i < rows; i++) {
          p.setInt(1, i);
          p.setString(2, "name " + i);
          p.setBigDecimal(3, new java.math.BigDecimal(i + ".25"));
          p.addBatch();
        }
        int[] counts = p.executeBatch();
        if (counts.length != rows) throw new IllegalStateException("executeBatch gave " + counts.length + " counts");
      }
      c.commit();
      double ms = (System.nanoTime() - started) / 1e6;
      try (Statement s = c.createStatement(); java.sql.ResultSet r = s.executeQuery("SELECT COUNT(*) FROM bt")) {
        r.next();
        if (r.getInt(1) != rows) throw new IllegalStateException("table has " + r.getInt(1) + " rows");
      }
      System.out.println("{\"client\":\"jdbc\",\"rows\":" + rows + ",\"ms\":" + ms + "}");
    }
  }
}
