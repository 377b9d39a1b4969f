// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// IBM JDBC side of bench/replay/replay-bench.mjs: one connection to the replay server, then
// the simple query and the 1,000-row select (statements as in queries.mjs) with
// Statement.executeQuery, every column read (getInt, getString, getBigDecimal). Each is
// warmed up (JIT) and then timed by the process CPU time of the JVM (all threads: JIT, GC)
// and, beside it, the CPU time of the main thread. Run as a single-file program:
//   java -cp <jdbc jars> bench/replay/JdbcReplay.java host port db simpleIterations rowsIterations
// Prints one JSON line.

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

public class JdbcReplay {
  static final String SIMPLE_SQL = "SELECT id, name, amount FROM rt WHERE id = 1";
  static final String ROWS_SQL = "SELECT id, name, amount FROM rt";
  static long sink;

  static void run(Connection c, String sql, int expectRows) throws Exception {
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      int n = 0;
      while (r.next()) {
        sink += r.getInt(1);
        String name = r.getString(2);
        java.math.BigDecimal amount = r.getBigDecimal(3);
        sink += name.length() + amount.scale();
        n++;
      }
      if (n != expectRows) throw new IllegalStateException(sql + ": " + n + " rows");
    }
  }

  static String measure(Connection c, String sql, int iterations, int expectRows, int warmup) throws Exception {
    for (int i = 0; i < warmup; i++) run(c, sql, expectRows);
    System.gc();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu0 = os.getProcessCpuTime();
    long thread0 = threads.getCurrentThreadCpuTime();
    long wall0 = System.nanoTime();
    for (int i = 0; i < iterations; i++) run(c, sql, expectRows);
    long cpu = os.getProcessCpuTime() - cpu0;
    long thread = threads.getCurrentThreadCpuTime() - thread0;
    long wall = System.nanoTime() - wall0;
    return "{\"iterations\":" + iterations
        + ",\"cpuUsPerQuery\":" + (cpu / 1e3 / iterations)
        + ",\"threadCpuUsPerQuery\":" + (thread / 1e3 / iterations)
        + ",\"wallUsPerQuery\":" + (wall / 1e3 / iterations) + "}";
  }

  public static void main(String[] args) throws Exception {
    String url = "jdbc:informix-sqli://" + args[0] + ":" + args[1] + "/" + args[2]
        + ":INFORMIXSERVER=informix;user=informix;password=in4mix;DB_LOCALE=en_US.819";
    int simpleN = Integer.parseInt(args[3]);
    int rowsN = Integer.parseInt(args[4]);
    // One connection per statement (the replay server's recordings are per connection).
    String simple;
    String rows;
    try (Connection c = DriverManager.getConnection(url)) {
      simple = measure(c, SIMPLE_SQL, simpleN, 1, Math.max(20000, simpleN));
    }
    try (Connection c = DriverManager.getConnection(url)) {
      rows = measure(c, ROWS_SQL, rowsN, 1000, Math.max(1000, rowsN));
    }
    {
      System.out.println("{\"client\":\"jdbc\",\"java\":\"" + System.getProperty("java.version")
          + "\",\"simple\":" + simple + ",\"rows\":" + rows + ",\"sink\":" + (sink & 1) + "}");
    }
  }
}
