// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// One flow's outcome: the values read back (kept as strings, for fixtures) and every
// mismatch found (not only the first). Also the plain-JDBC helpers the flows share.

package tools;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

final class Flow {
  static final String SERVER = "informix";
  static final String USER = "informix";
  static final String PASSWORD = "in4mix";

  final String name;
  final String host;
  final int port;
  final Map<String, String> values = Collections.synchronizedMap(new LinkedHashMap<>());
  final List<String> mismatches = Collections.synchronizedList(new ArrayList<>());
  private volatile Thread worker;

  Flow(String name, String host, int port) {
    this.name = name;
    this.host = host;
    this.port = port;
  }

  /** The URL a user writes: database in the path, INFORMIXSERVER, credentials; nothing else. */
  String url(String db) {
    return "jdbc:informix-sqli://" + host + ":" + port + (db == null ? "" : "/" + db) + ":INFORMIXSERVER=" + SERVER
        + ";user=" + USER + ";password=" + PASSWORD;
  }

  Connection connect(String db) throws SQLException {
    return DriverManager.getConnection(url(db));
  }

  /** Creates `db` afresh (dropping a leftover from an earlier run against the same server). */
  void freshDatabase(String db, String logging) throws SQLException {
    try (Connection c = connect(null); Statement s = c.createStatement()) {
      try {
        s.executeUpdate("DROP DATABASE " + db);
      } catch (SQLException e) {
        if (e.getErrorCode() != -329) throw e;
      }
      s.executeUpdate("CREATE DATABASE " + db + " " + logging);
    }
  }

  void body(Main.Body b) {
    worker = Thread.currentThread();
    try {
      b.run(this);
    } catch (Throwable t) {
      fail("exception: " + describe(t));
    }
  }

  void fail(String what) {
    mismatches.add(what);
  }

  void check(String what, Object actual, Object expected) {
    values.put(what, String.valueOf(actual));
    if (!Objects.equals(actual, expected)) mismatches.add(what + ": got " + actual + ", expected " + expected);
  }

  void checkTrue(String what, boolean cond, Object actual) {
    values.put(what, String.valueOf(actual));
    if (!cond) mismatches.add(what + ": " + actual);
  }

  void record(String what, Object value) {
    values.put(what, String.valueOf(value));
  }

  /** All rows of a result set as column label -> string maps (null stays null). */
  static List<Map<String, String>> rows(ResultSet rs) throws SQLException {
    List<Map<String, String>> out = new ArrayList<>();
    int n = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 1; i <= n; i++) {
        String v = rs.getString(i);
        row.put(rs.getMetaData().getColumnLabel(i).toUpperCase(), v == null ? null : v.trim());
      }
      out.add(row);
    }
    rs.close();
    return out;
  }

  static String describe(Throwable t) {
    StringBuilder b = new StringBuilder();
    for (Throwable x = t; x != null; x = x.getCause()) {
      if (b.length() > 0) b.append(" | caused by ");
      b.append(x.getClass().getName()).append(": ").append(x.getMessage());
      if (x instanceof SQLException se) b.append(" [code ").append(se.getErrorCode()).append(", state ").append(se.getSQLState()).append(']');
      if (x.getCause() == x) break;
    }
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    String[] lines = w.toString().split("\n");
    b.append("\n");
    for (int i = 0; i < Math.min(lines.length, 25); i++) b.append(lines[i]).append('\n');
    return b.toString();
  }

  static String stackOf(ExecutorService pool, Future<?> f) {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
      if (!e.getKey().getName().startsWith("flow-")) continue;
      StackTraceElement[] st = e.getValue();
      for (int i = 0; i < Math.min(st.length, 30); i++) b.append("  at ").append(st[i]).append('\n');
    }
    return b.toString();
  }

  String toJson() {
    StringBuilder b = new StringBuilder("{\"flow\":").append(q(name)).append(",\"ok\":").append(mismatches.isEmpty());
    b.append(",\"detail\":").append(q(String.join("; ", mismatches))).append(",\"values\":{");
    boolean first = true;
    synchronized (values) {
      for (Map.Entry<String, String> e : values.entrySet()) {
        if (!first) b.append(',');
        first = false;
        b.append(q(e.getKey())).append(':').append(q(e.getValue()));
      }
    }
    return b.append("}}").toString();
  }

  static String q(String s) {
    if (s == null) return "null";
    StringBuilder b = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (ch < 0x20) b.append(String.format("\\u%04x", (int) ch));
          else b.append(ch);
        }
      }
    }
    return b.append('"').toString();
  }
}
