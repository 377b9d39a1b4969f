// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// JDBC conformance oracle. Runs named scenarios against an Informix-compatible server
// (normally the informix-db emulator) through IBM's Informix JDBC driver, which is used
// strictly as a black box through the public java.sql API (plus the documented
// IfxStatement serial getters, called by name through reflection).
//
// Usage: java -cp <classes>:<lib/*> Scenarios <host> <port> [scenario ...]
//        java -cp ... Scenarios --list
// Prints one JSON line per requested scenario:
//   {"scenario": name, "ok": true|false, "detail": "...", "values": {...}}
// "values" are the exact things read back (as strings) so they can be stored as fixtures.

import java.math.BigDecimal;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

public final class Scenarios {
  static final String SERVER = "informix";
  static final String USER = "informix";
  static final String PASSWORD = "in4mix";
  static final long TIMEOUT_MS = Long.getLong("scenario.timeoutMs", 20000L);

  static String host;
  static int port;

  /** A failed expectation inside a scenario (as opposed to an unexpected exception). */
  static final class Mismatch extends RuntimeException {
    Mismatch(String m) {
      super(m);
    }
  }

  interface Body {
    void run(Ctx c) throws Exception;
  }

  static final class Ctx {
    final String name;
    final Map<String, String> values = Collections.synchronizedMap(new LinkedHashMap<>());
    final List<String> mismatches = Collections.synchronizedList(new ArrayList<>());
    final List<Connection> conns = Collections.synchronizedList(new ArrayList<>());

    Ctx(String name) {
      this.name = name;
    }

    static String url(String db, String server, String user, String password) {
      StringBuilder u = new StringBuilder("jdbc:informix-sqli://").append(host).append(':').append(port);
      if (db != null) u.append('/').append(db);
      u.append(":INFORMIXSERVER=").append(server);
      u.append(";user=").append(user).append(";password=").append(password);
      u.append(";IFX_SOC_TIMEOUT=").append(TIMEOUT_MS);
      return u.toString();
    }

    Connection connect(String db) throws SQLException {
      return connect(db, SERVER, USER, PASSWORD);
    }

    Connection connect(String db, String server, String user, String password) throws SQLException {
      Connection c = DriverManager.getConnection(url(db, server, user, password));
      conns.add(c);
      return c;
    }

    /** Connects without a database, creates `db` (mode: "", "WITH LOG", "WITH LOG MODE ANSI"); the session is then in it. */
    Connection createDatabase(String db, String mode) throws SQLException {
      Connection c = connect(null);
      try (Statement s = c.createStatement()) {
        s.executeUpdate(("CREATE DATABASE " + db + " " + mode).trim());
      }
      return c;
    }

    void put(String key, Object v) {
      values.put(key, v == null ? null : String.valueOf(v));
    }

    void eq(String what, Object expected, Object actual) {
      boolean same = expected == null ? actual == null : expected.equals(actual);
      if (!same) mismatches.add(what + ": expected " + show(expected) + " got " + show(actual));
    }

    void check(boolean cond, String what) {
      if (!cond) mismatches.add(what);
    }

    void closeAll() {
      synchronized (conns) {
        for (Connection c : conns) {
          try {
            c.close();
          } catch (Throwable ignored) {
            // best effort
          }
        }
      }
    }

    /** Runs `r` expecting an SQLException with getErrorCode() == code; records code/state/message. */
    void expectError(String key, int code, SqlRunnable r) {
      try {
        r.run();
        mismatches.add(key + ": expected SQLException " + code + " but the statement succeeded");
        put(key + ".errorCode", "none");
      } catch (SQLException e) {
        put(key + ".errorCode", e.getErrorCode());
        put(key + ".sqlState", e.getSQLState());
        put(key + ".message", e.getMessage());
        SQLException next = e.getNextException();
        if (next != null) put(key + ".next.errorCode", next.getErrorCode());
        eq(key + ".errorCode", code, e.getErrorCode());
      }
    }
  }

  interface SqlRunnable {
    void run() throws SQLException;
  }

  static String show(Object o) {
    return o == null ? "null" : "\"" + o + "\"" + (o instanceof String ? "" : " (" + o.getClass().getSimpleName() + ")");
  }

  // ---------------------------------------------------------------- scenarios

  static final Map<String, Body> ALL = new LinkedHashMap<>();

  static {
    ALL.put("connect_close", Scenarios::connectClose);
    ALL.put("connection_is_valid", Scenarios::connectionIsValid);
    ALL.put("bad_password", Scenarios::badPassword);
    ALL.put("wrong_server_name", Scenarios::wrongServerName);
    ALL.put("unknown_database", Scenarios::unknownDatabase);
    ALL.put("ddl_all_types", Scenarios::ddlAllTypes);
    ALL.put("dml_types_roundtrip", Scenarios::dmlTypesRoundtrip);
    ALL.put("update_delete_counts", Scenarios::updateDeleteCounts);
    ALL.put("resultset_metadata", Scenarios::resultSetMetadata);
    ALL.put("serial_values", Scenarios::serialValues);
    ALL.put("generated_keys", Scenarios::generatedKeys);
    ALL.put("transactions_commit_rollback", Scenarios::transactionsCommitRollback);
    ALL.put("transactions_savepoint", Scenarios::transactionsSavepoint);
    ALL.put("ansi_database_implicit_transaction", Scenarios::ansiDatabase);
    ALL.put("database_metadata", Scenarios::databaseMetadata);
    ALL.put("select_first_skip", Scenarios::selectFirstSkip);
    ALL.put("scroll_resultset", Scenarios::scrollResultSet);
    ALL.put("hold_cursor_over_commit", Scenarios::holdCursorOverCommit);
    ALL.put("execute_batch", Scenarios::executeBatch);
    ALL.put("error_syntax_201", Scenarios::errorSyntax);
    ALL.put("error_unknown_table_206", Scenarios::errorUnknownTable);
    ALL.put("error_unknown_column_217", Scenarios::errorUnknownColumn);
    ALL.put("error_duplicate_unique_index_239", Scenarios::errorDuplicateIndex);
    ALL.put("error_duplicate_unique_constraint_268", Scenarios::errorDuplicateConstraint);
    ALL.put("error_null_into_not_null_391", Scenarios::errorNotNull);
    ALL.put("error_divide_by_zero_1202", Scenarios::errorDivideByZero);
    ALL.put("updatable_resultset_current_of", CursorScenarios::updatableResultSet);
    ALL.put("set_cursor_name_current_of", CursorScenarios::setCursorName);
    ALL.put("byte_text_jdbc_write", BlobScenarios::jdbcWrite);
    ALL.put("byte_text_driver_read", BlobScenarios::driverRead);
    ALL.put("smart_lob_jdbc_write", SmartLobScenarios::jdbcWrite);
    ALL.put("smart_lob_driver_read", SmartLobScenarios::driverRead);
    ALL.put("smart_lob_blob_api", SmartLobScenarios::blobApi);
    ALL.put("callable_statement_spl", SplScenarios::callableStatement);
    ALL.put("callable_out_parameters", SplScenarios::outParameters);
    ALL.put("udt_jdbc_write", UdtScenarios::jdbcWrite);
    ALL.put("udt_driver_read", UdtScenarios::driverRead);
    ALL.put("merge_statement", FidelityScenarios::merge);
    ALL.put("datetime_text", FidelityScenarios::datetimeText);
    ALL.put("locale_jdbc_write", LocaleScenarios::jdbcWrite);
    ALL.put("locale_driver_read", LocaleScenarios::driverRead);
  }

  static void connectClose(Ctx c) throws Exception {
    Connection conn = c.connect("sysmaster");
    c.eq("isClosed after connect", false, conn.isClosed());
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("SELECT tabname FROM systables WHERE tabid = 1")) {
      c.check(rs.next(), "systables tabid 1 returned no row");
      c.put("systables.tabid1.tabname", rs.getString(1));
      c.eq("systables tabid 1 tabname", "systables", rs.getString(1) == null ? null : rs.getString(1).trim());
      c.check(!rs.next(), "more than one row for tabid = 1");
    }
    DatabaseMetaData md = conn.getMetaData();
    c.put("databaseProductName", md.getDatabaseProductName());
    c.put("databaseProductVersion", md.getDatabaseProductVersion());
    conn.close();
    c.eq("isClosed after close", true, conn.isClosed());
  }

  // isValid() is a round trip of its own (SQ_VERSION): what connection pools (HikariCP, DBCP) call.
  static void connectionIsValid(Ctx c) throws Exception {
    Connection conn = c.connect("sysmaster");
    c.eq("isValid(5)", true, conn.isValid(5));
    c.eq("isValid(0)", true, conn.isValid(0));
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM systables WHERE tabid = 1")) {
      c.check(rs.next(), "no row after isValid");
      c.eq("query after isValid", 1, rs.getInt(1));
    }
    conn.close();
    c.eq("isValid after close", false, conn.isValid(1));
  }

  static void badPassword(Ctx c) {
    c.expectError("connect", -951, () -> c.connect("sysmaster", SERVER, USER, "not-the-password"));
  }

  static void wrongServerName(Ctx c) {
    c.expectError("connect", -761, () -> c.connect("sysmaster", "no_such_server", USER, PASSWORD));
  }

  static void unknownDatabase(Ctx c) {
    c.expectError("connect", -329, () -> c.connect("cf_j_no_such_db", SERVER, USER, PASSWORD));
  }

  // One table holding every non-serial type, plus one table per serial flavour.
  static final String[][] COLUMNS = {
    // name, declaration, kind, JDBC type for setNull
    {"c_smallint", "SMALLINT", "short"},
    {"c_integer", "INTEGER", "int"},
    {"c_int8", "INT8", "long"},
    {"c_bigint", "BIGINT", "long"},
    {"c_smallfloat", "SMALLFLOAT", "real"},
    {"c_float", "FLOAT", "double"},
    {"c_dec32", "DECIMAL(32,10)", "decimal"},
    {"c_dec52", "DECIMAL(5,2)", "decimal"},
    {"c_decf", "DECIMAL(16)", "decimal"},
    {"c_money", "MONEY(16,2)", "decimal"},
    {"c_char", "CHAR(10)", "string"},
    {"c_nchar", "NCHAR(10)", "string"},
    {"c_varchar", "VARCHAR(64)", "string"},
    {"c_nvarchar", "NVARCHAR(64)", "string"},
    {"c_lvarchar", "LVARCHAR(4000)", "string"},
    {"c_bool", "BOOLEAN", "bool"},
    {"c_date", "DATE", "date"},
    {"c_dt_frac5", "DATETIME YEAR TO FRACTION(5)", "timestamp"},
    {"c_dt_sec", "DATETIME YEAR TO SECOND", "timestamp"},
    {"c_dt_day", "DATETIME YEAR TO DAY", "text"},
    {"c_dt_hm", "DATETIME HOUR TO MINUTE", "text"},
    {"c_dt_hf3", "DATETIME HOUR TO FRACTION(3)", "text"},
    {"c_iv_ym", "INTERVAL YEAR(4) TO MONTH", "text"},
    {"c_iv_df", "INTERVAL DAY(5) TO FRACTION(5)", "text"},
    {"c_iv_hs", "INTERVAL HOUR TO SECOND", "text"},
  };

  static final String LONG_TEXT = "x".repeat(3000);

  // Rows: id, then one input per COLUMNS entry (null = SQL NULL). Inputs are also the
  // expected read-back except where EXPECTED_STRING overrides (CHAR padding).
  static final String[][] ROWS = {
    {"1", "32767", "2147483647", "9223372036854775807", "9223372036854775807", "3.4028235E38",
      "1.7976931348623157E308", "9999999999999999999999.9999999999", "999.99", "1234567890.123456",
      "99999999999999.99", "abc", "zyx", "hello world", "nv text", LONG_TEXT, "true", "9999-12-31",
      "9999-12-31 23:59:59.99999", "9999-12-31 23:59:59", "9999-12-31", "23:59", "23:59:59.999",
      "9999-11", "99999 23:59:59.99999", "99:59:59"},
    {"2", "-32767", "-2147483647", "-9223372036854775807", "-9223372036854775807", "-1.17549435E-38",
      "-2.2250738585072014E-308", "-1234567890123456789012.1234567890", "-999.99", "-0.0000000001",
      "-12345678901234.56", "", "a", "", " lead", "", "false", "0001-01-01",
      "0001-01-01 00:00:00.00000", "0001-01-01 00:00:00", "0001-01-01", "00:00", "00:00:00.000",
      "-5-03", "-1 00:00:00.00001", "-1:02:03"},
    {"3", "0", "0", "0", "0", "0.0", "0.0", "0", "0.00", "0", "0.00", "exactly10c", "nchar10chr",
      "tab\tand 'quote'", "x", "short", "true", "2024-02-29", "2024-02-29 12:34:56.12345",
      "2000-02-29 00:00:01", "2024-02-29", "12:30", "12:34:56.789", "0-00", "0 00:00:00.00000",
      "0:00:00"},
    {"4", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
      null, null, null, null, null, null, null, null, null, null},
  };

  static String createTypesTable(String table) {
    StringBuilder sb = new StringBuilder("CREATE TABLE ").append(table).append(" (id INTEGER NOT NULL");
    for (String[] col : COLUMNS) sb.append(", ").append(col[0]).append(' ').append(col[1]);
    return sb.append(')').toString();
  }

  static String expectedString(String[] col, String input) {
    if (input == null) return null;
    if (col[1].startsWith("CHAR(") || col[1].startsWith("NCHAR(")) {
      int n = Integer.parseInt(col[1].replaceAll("\\D", ""));
      StringBuilder sb = new StringBuilder(input);
      while (sb.length() < n) sb.append(' ');
      return sb.toString();
    }
    return input;
  }

  static void ddlAllTypes(Ctx c) throws Exception {
    Connection conn = c.createDatabase("cf_j_ddl", "");
    try (Statement s = conn.createStatement()) {
      c.eq("executeUpdate(CREATE TABLE)", 0, s.executeUpdate(createTypesTable("cf_ddl_types")));
      s.executeUpdate("CREATE TABLE cf_ddl_serial (id SERIAL, v VARCHAR(10))");
      s.executeUpdate("CREATE TABLE cf_ddl_serial8 (id SERIAL8, v VARCHAR(10))");
      s.executeUpdate("CREATE TABLE cf_ddl_bigserial (id BIGSERIAL, v VARCHAR(10))");
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT tabname FROM systables WHERE tabname LIKE 'cf_ddl_%' ORDER BY tabname")) {
        while (rs.next()) tables.add(rs.getString(1).trim());
      }
      c.put("systables", String.join(",", tables));
      c.eq("systables", "cf_ddl_bigserial,cf_ddl_serial,cf_ddl_serial8,cf_ddl_types", String.join(",", tables));
      // syscolumns: names, base coltype and collength for the well-known encodings.
      Map<String, int[]> cols = new LinkedHashMap<>();
      try (ResultSet rs = s.executeQuery("SELECT c.colname, c.coltype, c.collength FROM syscolumns c, systables t"
          + " WHERE c.tabid = t.tabid AND t.tabname = 'cf_ddl_types' ORDER BY c.colno")) {
        while (rs.next()) {
          String n = rs.getString(1).trim();
          cols.put(n, new int[] {rs.getInt(2), rs.getInt(3)});
          c.put("syscolumns." + n, rs.getInt(2) + "/" + rs.getInt(3));
        }
      }
      List<String> expectedNames = new ArrayList<>();
      expectedNames.add("id");
      for (String[] col : COLUMNS) expectedNames.add(col[0]);
      c.eq("syscolumns names", String.join(",", expectedNames), String.join(",", cols.keySet()));
      Object[][] known = {
        {"id", 2 + 256, null}, {"c_smallint", 1, 2}, {"c_integer", 2, 4}, {"c_int8", 17, 10},
        {"c_smallfloat", 4, 4}, {"c_float", 3, 8}, {"c_dec32", 5, 32 * 256 + 10}, {"c_dec52", 5, 5 * 256 + 2},
        {"c_decf", 5, 16 * 256 + 255}, {"c_money", 8, 16 * 256 + 2}, {"c_char", 0, 10}, {"c_nchar", 15, 10},
        {"c_varchar", 13, 64}, {"c_nvarchar", 16, 64}, {"c_date", 7, 4},
        {"c_dt_frac5", 10, (19 << 8) | (0 << 4) | 15}, {"c_dt_sec", 10, (14 << 8) | (0 << 4) | 10},
        {"c_dt_day", 10, (8 << 8) | (0 << 4) | 4}, {"c_dt_hm", 10, (4 << 8) | (6 << 4) | 8},
        {"c_iv_ym", 14, (6 << 8) | (0 << 4) | 2}, {"c_iv_df", 14, (16 << 8) | (4 << 4) | 15},
      };
      for (Object[] k : known) {
        int[] got = cols.get((String) k[0]);
        if (got == null) continue;
        c.eq("syscolumns." + k[0] + ".coltype", k[1], got[0]);
        if (k[2] != null) c.eq("syscolumns." + k[0] + ".collength", k[2], got[1]);
      }
      for (String t : new String[] {"cf_ddl_types", "cf_ddl_serial", "cf_ddl_serial8", "cf_ddl_bigserial"}) {
        c.eq("executeUpdate(DROP TABLE " + t + ")", 0, s.executeUpdate("DROP TABLE " + t));
      }
      c.expectError("select_after_drop", -206, () -> s.executeQuery("SELECT * FROM cf_ddl_types").close());
    }
  }

  static void bind(PreparedStatement ps, int idx, String[] col, String v) throws SQLException {
    String kind = col[2];
    if (v == null) {
      int t;
      switch (kind) {
        case "short": t = Types.SMALLINT; break;
        case "int": t = Types.INTEGER; break;
        case "long": t = Types.BIGINT; break;
        case "real": t = Types.REAL; break;
        case "double": t = Types.DOUBLE; break;
        case "decimal": t = Types.DECIMAL; break;
        case "bool": t = Types.BOOLEAN; break;
        case "date": t = Types.DATE; break;
        case "timestamp": t = Types.TIMESTAMP; break;
        default: t = Types.VARCHAR;
      }
      ps.setNull(idx, t);
      return;
    }
    switch (kind) {
      case "short": ps.setShort(idx, Short.parseShort(v)); break;
      case "int": ps.setInt(idx, Integer.parseInt(v)); break;
      case "long": ps.setLong(idx, Long.parseLong(v)); break;
      case "real": ps.setFloat(idx, Float.parseFloat(v)); break;
      case "double": ps.setDouble(idx, Double.parseDouble(v)); break;
      case "decimal": ps.setBigDecimal(idx, new BigDecimal(v)); break;
      case "bool": ps.setBoolean(idx, Boolean.parseBoolean(v)); break;
      case "date": ps.setDate(idx, Date.valueOf(v)); break;
      case "timestamp": ps.setTimestamp(idx, Timestamp.valueOf(v)); break;
      default: ps.setString(idx, v);
    }
  }

  /** Reads column `name` of the current row and compares it with the input `v` exactly. */
  static void verify(Ctx c, ResultSet rs, String row, String[] col, String v) throws SQLException {
    String name = col[0];
    String key = "row" + row + "." + name;
    Object obj = rs.getObject(name);
    String str = rs.getString(name);
    c.put(key + ".getString", str);
    c.put(key + ".getObject.class", obj == null ? null : obj.getClass().getName());
    if (v == null) {
      c.eq(key + " getObject (NULL)", null, obj);
      c.eq(key + " getString (NULL)", null, str);
      rs.getString(name);
      c.eq(key + " wasNull", true, rs.wasNull());
      return;
    }
    switch (col[2]) {
      case "short":
      case "int":
      case "long":
        c.eq(key + " getLong", Long.parseLong(v), rs.getLong(name));
        c.eq(key + " getString", v, str);
        c.check(obj instanceof Number, key + " getObject is not a Number: " + show(obj));
        if (obj instanceof Number) c.eq(key + " getObject value", Long.parseLong(v), ((Number) obj).longValue());
        break;
      case "real":
        c.eq(key + " getFloat", Float.parseFloat(v), rs.getFloat(name));
        break;
      case "double":
        c.eq(key + " getDouble", Double.parseDouble(v), rs.getDouble(name));
        break;
      case "decimal": {
        BigDecimal bd = rs.getBigDecimal(name);
        c.put(key + ".getBigDecimal", bd == null ? null : bd.toPlainString());
        c.check(bd != null && bd.compareTo(new BigDecimal(v)) == 0,
            key + " getBigDecimal: expected " + v + " got " + (bd == null ? "null" : bd.toPlainString()));
        c.check(obj instanceof BigDecimal, key + " getObject is not a BigDecimal: " + show(obj));
        break;
      }
      case "string":
        c.eq(key + " getString", expectedString(col, v), str);
        c.eq(key + " getObject", expectedString(col, v), obj);
        break;
      case "bool":
        c.eq(key + " getBoolean", Boolean.parseBoolean(v), rs.getBoolean(name));
        c.eq(key + " getObject", Boolean.valueOf(v), obj);
        break;
      case "date": {
        Date d = rs.getDate(name);
        c.eq(key + " getDate", v, d == null ? null : d.toString());
        break;
      }
      case "timestamp": {
        Timestamp ts = rs.getTimestamp(name);
        c.put(key + ".getTimestamp", ts);
        c.eq(key + " getTimestamp", Timestamp.valueOf(v).toString(), ts == null ? null : ts.toString());
        c.put(key + ".getString", str);
        c.eq(key + " getString (fraction digits normalised)", withoutTrailingFractionZeros(v), withoutTrailingFractionZeros(str));
        break;
      }
      default:
        c.put(key + ".getString", str);
        c.eq(key + " getString (trimmed, fraction digits normalised)", withoutTrailingFractionZeros(v),
            withoutTrailingFractionZeros(str == null ? null : str.trim()));
    }
  }

  /**
   * JDBC's getString prints a DATETIME fraction from its significant digits: a zero fraction
   * comes out as ".0" (the wire carries no fraction digits for it), so "00:00:00.000" and
   * "00:00:00.0" are the same value. The exact instant is compared by getTimestamp.
   */
  static String withoutTrailingFractionZeros(String s) {
    if (s == null || !s.matches(".*\\d:\\d\\d\\.\\d+$")) return s;
    return s.replaceAll("0+$", "").replaceAll("\\.$", "");
  }

  static void dmlTypesRoundtrip(Ctx c) throws Exception {
    Connection conn = c.createDatabase("cf_j_types", "");
    try (Statement s = conn.createStatement()) {
      s.executeUpdate(createTypesTable("cf_types"));
    }
    StringBuilder sql = new StringBuilder("INSERT INTO cf_types (id");
    for (String[] col : COLUMNS) sql.append(", ").append(col[0]);
    sql.append(") VALUES (?");
    for (int i = 0; i < COLUMNS.length; i++) sql.append(", ?");
    sql.append(')');
    try (PreparedStatement ps = conn.prepareStatement(sql.toString())) {
      for (String[] row : ROWS) {
        ps.setInt(1, Integer.parseInt(row[0]));
        for (int i = 0; i < COLUMNS.length; i++) bind(ps, i + 2, COLUMNS[i], row[i + 1]);
        c.eq("executeUpdate(INSERT row " + row[0] + ")", 1, ps.executeUpdate());
      }
    }
    int seen = 0;
    try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM cf_types ORDER BY id")) {
      while (rs.next()) {
        if (seen >= ROWS.length) {
          c.check(false, "more rows than inserted");
          break;
        }
        String[] row = ROWS[seen++];
        c.eq("row order id", Integer.parseInt(row[0]), rs.getInt("id"));
        for (int i = 0; i < COLUMNS.length; i++) verify(c, rs, row[0], COLUMNS[i], row[i + 1]);
      }
    }
    c.eq("rows read back", ROWS.length, seen);
    // Parameterised WHERE on several types finds exactly the matching row.
    try (PreparedStatement ps = conn.prepareStatement(
        "SELECT id FROM cf_types WHERE c_int8 = ? AND c_dec32 = ? AND c_date = ? AND c_dt_frac5 = ? AND c_varchar = ?")) {
      ps.setLong(1, Long.parseLong(ROWS[2][3]));
      ps.setBigDecimal(2, new BigDecimal(ROWS[2][7]));
      ps.setDate(3, Date.valueOf(ROWS[2][17]));
      ps.setTimestamp(4, Timestamp.valueOf(ROWS[2][18]));
      ps.setString(5, ROWS[2][13]);
      try (ResultSet rs = ps.executeQuery()) {
        c.check(rs.next(), "parameterised WHERE found no row");
        c.eq("parameterised WHERE id", 3, rs.getInt(1));
        c.check(!rs.next(), "parameterised WHERE found more than one row");
      }
    }
    try (PreparedStatement ps = conn.prepareStatement("SELECT COUNT(*) FROM cf_types WHERE c_integer IS NULL")) {
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        c.eq("count of NULL rows", 1, rs.getInt(1));
      }
    }
  }

  static void updateDeleteCounts(Ctx c) throws Exception {
    Connection conn = c.createDatabase("cf_j_counts", "");
    try (Statement s = conn.createStatement()) {
      c.eq("CREATE TABLE count", 0, s.executeUpdate("CREATE TABLE cf_counts (id INTEGER, grp SMALLINT, name VARCHAR(20))"));
      try (PreparedStatement ps = conn.prepareStatement("INSERT INTO cf_counts VALUES (?, ?, ?)")) {
        for (int i = 1; i <= 10; i++) {
          ps.setInt(1, i);
          ps.setShort(2, (short) (i % 3));
          ps.setString(3, "n" + i);
          c.eq("INSERT count " + i, 1, ps.executeUpdate());
        }
      }
      c.eq("INSERT ... SELECT count", 10, s.executeUpdate("INSERT INTO cf_counts SELECT id + 100, grp, name FROM cf_counts"));
      try (PreparedStatement ps = conn.prepareStatement("UPDATE cf_counts SET name = ? WHERE grp = ?")) {
        ps.setString(1, "g0");
        ps.setShort(2, (short) 0);
        c.eq("UPDATE grp=0 count", 6, ps.executeUpdate());
        ps.setString(1, "none");
        ps.setShort(2, (short) 7);
        c.eq("UPDATE no match count", 0, ps.executeUpdate());
      }
      c.eq("UPDATE all count", 20, s.executeUpdate("UPDATE cf_counts SET grp = grp + 1"));
      try (PreparedStatement ps = conn.prepareStatement("DELETE FROM cf_counts WHERE id > ?")) {
        ps.setInt(1, 100);
        c.eq("DELETE id>100 count", 10, ps.executeUpdate());
      }
      c.eq("DELETE no match count", 0, s.executeUpdate("DELETE FROM cf_counts WHERE id < 0"));
      c.eq("execute(DELETE) returns false", false, s.execute("DELETE FROM cf_counts WHERE id = 1"));
      c.eq("getUpdateCount after execute(DELETE)", 1, s.getUpdateCount());
      c.eq("DELETE rest count", 9, s.executeUpdate("DELETE FROM cf_counts"));
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM cf_counts")) {
        rs.next();
        c.eq("rows left", 0, rs.getInt(1));
      }
    }
  }

  static void resultSetMetadata(Ctx c) throws Exception {
    Connection conn = c.createDatabase("cf_j_rsmd", "");
    try (Statement s = conn.createStatement()) {
      s.executeUpdate(createTypesTable("cf_rsmd") .replace("c_smallint SMALLINT", "c_smallint SMALLINT NOT NULL"));
      try (ResultSet rs = s.executeQuery("SELECT * FROM cf_rsmd")) {
        ResultSetMetaData md = rs.getMetaData();
        c.eq("column count", COLUMNS.length + 1, md.getColumnCount());
        for (int i = 1; i <= md.getColumnCount(); i++) {
          String n = md.getColumnName(i);
          c.put("col" + i + ".name", n);
          c.put("col" + i + ".label", md.getColumnLabel(i));
          c.put("col" + i + ".type", md.getColumnType(i));
          c.put("col" + i + ".typeName", md.getColumnTypeName(i));
          c.put("col" + i + ".precision", md.getPrecision(i));
          c.put("col" + i + ".scale", md.getScale(i));
          c.put("col" + i + ".nullable", md.isNullable(i));
          c.put("col" + i + ".className", md.getColumnClassName(i));
          c.put("col" + i + ".displaySize", md.getColumnDisplaySize(i));
        }
        c.eq("col1 name", "id", md.getColumnName(1));
        c.eq("col1 nullable", ResultSetMetaData.columnNoNulls, md.isNullable(1));
        for (int i = 0; i < COLUMNS.length; i++) {
          int idx = i + 2;
          String[] col = COLUMNS[i];
          c.eq("col" + idx + " name", col[0], md.getColumnName(idx));
          c.eq(col[0] + " nullable", col[0].equals("c_smallint") ? ResultSetMetaData.columnNoNulls : ResultSetMetaData.columnNullable,
              md.isNullable(idx));
        }
        // Declared type → java.sql.Types for the unambiguous mappings, precision/scale where declared.
        Object[][] expect = {
          {"c_smallint", Types.SMALLINT, null, null}, {"c_integer", Types.INTEGER, null, null},
          {"c_int8", Types.BIGINT, null, null}, {"c_bigint", Types.BIGINT, null, null},
          {"c_smallfloat", Types.REAL, null, null}, {"c_float", Types.DOUBLE, null, null},
          {"c_dec32", Types.DECIMAL, 32, 10}, {"c_dec52", Types.DECIMAL, 5, 2}, {"c_money", Types.DECIMAL, 16, 2},
          {"c_char", Types.CHAR, 10, null}, {"c_nchar", Types.CHAR, 10, null},
          {"c_varchar", Types.VARCHAR, 64, null}, {"c_nvarchar", Types.VARCHAR, 64, null},
          {"c_date", Types.DATE, null, null}, {"c_dt_frac5", Types.TIMESTAMP, null, null},
          {"c_dt_sec", Types.TIMESTAMP, null, null},
        };
        for (Object[] e : expect) {
          int idx = rs.findColumn((String) e[0]);
          c.eq(e[0] + " getColumnType", e[1], md.getColumnType(idx));
          if (e[2] != null) c.eq(e[0] + " getPrecision", e[2], md.getPrecision(idx));
          if (e[3] != null) c.eq(e[0] + " getScale", e[3], md.getScale(idx));
        }
        c.check(!rs.next(), "empty table returned a row");
      }
      // Expression columns: name, type and nullability of computed values.
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) AS n, 1 + 1 AS two FROM cf_rsmd")) {
        ResultSetMetaData md = rs.getMetaData();
        c.eq("count column label", "n", md.getColumnLabel(1));
        c.eq("expr column label", "two", md.getColumnLabel(2));
        c.put("count.type", md.getColumnType(1));
        c.put("count.typeName", md.getColumnTypeName(1));
        c.check(rs.next(), "COUNT(*) returned no row");
        c.eq("COUNT(*) of empty table", 0L, rs.getLong(1));
        c.eq("1 + 1", 2, rs.getInt(2));
      }
    }
  }

  static Object callSerialGetter(Statement st, String method) throws Exception {
    // com.informix.jdbc.IfxStatement public API (getSerial/getSerial8/getBigSerial), by name.
    try {
      Class<?> api = Class.forName("com.informix.jdbc.IfxStatement");
      if (api.isInstance(st)) return api.getMethod(method).invoke(st);
      if (st.isWrapperFor(api)) {
        Object inner = st.unwrap(api);
        return api.getMethod(method).invoke(inner);
      }
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      // fall through to the statement's own class
    }
    return st.getClass().getMethod(method).invoke(st);
  }

  /** One row of getGeneratedKeys() as "name typeName value", or "" when the result set has no columns. */
  static String generatedKeysRow(Statement st) throws SQLException {
    try (ResultSet rs = st.getGeneratedKeys()) {
      ResultSetMetaData md = rs.getMetaData();
      StringBuilder sb = new StringBuilder();
      while (rs.next()) {
        for (int i = 1; i <= md.getColumnCount(); i++) {
          if (sb.length() > 0) sb.append("; ");
          sb.append(md.getColumnName(i)).append(' ').append(md.getColumnTypeName(i)).append(' ').append(rs.getLong(i));
        }
      }
      if (md.getColumnCount() == 0) return "";
      return sb.toString();
    }
  }

  /** RETURN_GENERATED_KEYS and its column-list forms (IBM JDBC code 134; the server answers with 135 and 136). */
  static void generatedKeys(Ctx c) throws Exception {
    Connection conn = c.createDatabase("cf_j_genkeys", "");
    String[] types = {"SERIAL", "SERIAL8", "BIGSERIAL"};
    try (Statement s = conn.createStatement()) {
      for (String t : types) s.executeUpdate("CREATE TABLE cf_gk_" + t.toLowerCase() + " (v0 INT, id " + t + ", v VARCHAR(10))");
      s.executeUpdate("CREATE TABLE cf_gk_none (v0 INT, v VARCHAR(10))");
    }
    for (String t : types) {
      String table = "cf_gk_" + t.toLowerCase();
      String sql = "INSERT INTO " + table + " (v) VALUES (?)";
      String[] forms = {"RETURN_GENERATED_KEYS", "int[]{2}", "String[]{\"ID\"}"};
      long expected = 0;
      for (String form : forms) {
        PreparedStatement ps =
            form.startsWith("RETURN")
                ? conn.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)
                : form.startsWith("int")
                    ? conn.prepareStatement(sql, new int[] {2})
                    : conn.prepareStatement(sql, new String[] {"ID"});
        try (ps) {
          for (int run = 1; run <= 2; run++) {
            ps.setString(1, form.substring(0, 3) + run);
            c.eq(table + " " + form + " run " + run + " count", 1, ps.executeUpdate());
            String got = generatedKeysRow(ps);
            c.put(table + "." + form + ".run" + run, got);
            c.eq(table + " " + form + " run " + run + " keys", "id " + t.toLowerCase() + " " + (++expected), got);
          }
        }
      }
      // The Statement form (SQ_COMMAND + 134) and an explicit key value.
      try (Statement s = conn.createStatement()) {
        c.eq(table + " Statement count", 1, s.executeUpdate("INSERT INTO " + table + " (id, v) VALUES (500, 'x')", Statement.RETURN_GENERATED_KEYS));
        c.eq(table + " Statement keys", "id " + t.toLowerCase() + " 500", generatedKeysRow(s));
      }
      try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*), MAX(id) FROM " + table)) {
        rs.next();
        c.eq(table + " rows", 7, rs.getInt(1));
      }
    }
    // No serial column: an empty result set without columns, as before.
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO cf_gk_none (v) VALUES ('n')", Statement.RETURN_GENERATED_KEYS)) {
      c.eq("cf_gk_none count", 1, ps.executeUpdate());
      c.eq("cf_gk_none keys", "", generatedKeysRow(ps));
    }
    // A column name the table does not have.
    c.expectError("unknown key column", -217, () -> conn.prepareStatement("INSERT INTO cf_gk_serial (v) VALUES ('u')", new String[] {"nope"}).executeUpdate());
    try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM cf_gk_serial")) {
      rs.next();
      c.eq("session usable after -217", 7, rs.getInt(1));
    }
  }

  static void serialValues(Ctx c) throws Exception {
    Connection conn = c.createDatabase("cf_j_serial", "");
    try (Statement s = conn.createStatement()) {
      s.executeUpdate("CREATE TABLE cf_serial (id SERIAL, v VARCHAR(10))");
      s.executeUpdate("CREATE TABLE cf_serial8 (id SERIAL8, v VARCHAR(10))");
      s.executeUpdate("CREATE TABLE cf_bigserial (id BIGSERIAL, v VARCHAR(10))");
      s.executeUpdate("CREATE TABLE cf_serial_start (id SERIAL(100), v VARCHAR(10))");
    }
    String[][] plan = {
      // table, getter, inserted id (0 = generate), expected serial
      {"cf_serial", "getSerial", "0", "1"}, {"cf_serial", "getSerial", "0", "2"},
      {"cf_serial", "getSerial", "50", "50"}, {"cf_serial", "getSerial", "0", "51"},
      {"cf_serial8", "getSerial8", "0", "1"}, {"cf_serial8", "getSerial8", "0", "2"},
      {"cf_serial8", "getSerial8", "5000000000", "5000000000"}, {"cf_serial8", "getSerial8", "0", "5000000001"},
      {"cf_bigserial", "getBigSerial", "0", "1"}, {"cf_bigserial", "getBigSerial", "0", "2"},
      {"cf_bigserial", "getBigSerial", "9000000000", "9000000000"}, {"cf_bigserial", "getBigSerial", "0", "9000000001"},
      {"cf_serial_start", "getSerial", "0", "100"}, {"cf_serial_start", "getSerial", "0", "101"},
    };
    int step = 0;
    for (String[] p : plan) {
      step++;
      try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + p[0] + " (id, v) VALUES (?, ?)")) {
        ps.setLong(1, Long.parseLong(p[2]));
        ps.setString(2, "s" + step);
        c.eq("insert " + step + " count", 1, ps.executeUpdate());
        Object got = callSerialGetter(ps, p[1]);
        c.put("step" + step + "." + p[0] + "." + p[1], got);
        c.eq("step " + step + " " + p[0] + " " + p[1], p[3], got == null ? null : String.valueOf(got));
      }
    }
    // Plain Statement too, and the generated value is what SELECT sees.
    try (Statement s = conn.createStatement()) {
      s.executeUpdate("INSERT INTO cf_serial (v) VALUES ('plain')");
      Object got = callSerialGetter(s, "getSerial");
      c.eq("Statement.getSerial", "52", got == null ? null : String.valueOf(got));
      try (ResultSet rs = s.executeQuery("SELECT id FROM cf_serial WHERE v = 'plain'")) {
        c.check(rs.next(), "inserted 'plain' row not found");
        c.eq("SELECT serial", 52, rs.getInt(1));
      }
      try (ResultSet rs = s.executeQuery("SELECT DBINFO('sqlca.sqlerrd1') FROM systables WHERE tabid = 1")) {
        rs.next();
        c.put("dbinfo.sqlerrd1", rs.getString(1));
      }
    }
  }

  static int count(Connection conn, String table) throws SQLException {
    try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  static void transactionsCommitRollback(Ctx c) throws Exception {
    Connection setup = c.createDatabase("cf_j_tx", "WITH LOG");
    try (Statement s = setup.createStatement()) {
      s.executeUpdate("CREATE TABLE cf_tx (id INTEGER, v VARCHAR(20))");
    }
    setup.close();
    Connection a = c.connect("cf_j_tx");
    Connection b = c.connect("cf_j_tx");
    c.eq("default autoCommit", true, a.getAutoCommit());
    a.setAutoCommit(false);
    try (PreparedStatement ps = a.prepareStatement("INSERT INTO cf_tx VALUES (?, ?)")) {
      ps.setInt(1, 1);
      ps.setString(2, "rolled back");
      c.eq("insert count", 1, ps.executeUpdate());
      c.eq("own uncommitted row visible", 1, count(a, "cf_tx"));
      a.rollback();
      c.eq("after rollback (same conn)", 0, count(a, "cf_tx"));
      c.eq("after rollback (other conn)", 0, count(b, "cf_tx"));
      ps.setInt(1, 2);
      ps.setString(2, "committed");
      c.eq("insert count 2", 1, ps.executeUpdate());
      a.commit();
      c.eq("after commit (other conn)", 1, count(b, "cf_tx"));
    }
    // Autocommit on: each statement is its own transaction.
    a.setAutoCommit(true);
    try (Statement s = a.createStatement()) {
      s.executeUpdate("INSERT INTO cf_tx VALUES (3, 'autocommit')");
    }
    c.eq("autocommit insert seen by other conn", 2, count(b, "cf_tx"));
    // Explicit BEGIN WORK / ROLLBACK WORK statements.
    try (Statement s = a.createStatement()) {
      s.execute("BEGIN WORK");
      s.executeUpdate("DELETE FROM cf_tx");
      s.execute("ROLLBACK WORK");
    }
    c.eq("after BEGIN/DELETE/ROLLBACK WORK", 2, count(b, "cf_tx"));
    try (Statement s = a.createStatement()) {
      s.execute("BEGIN WORK");
      s.executeUpdate("UPDATE cf_tx SET v = 'updated' WHERE id = 2");
      s.execute("COMMIT WORK");
    }
    try (Statement s = b.createStatement(); ResultSet rs = s.executeQuery("SELECT v FROM cf_tx WHERE id = 2")) {
      rs.next();
      c.eq("after BEGIN/UPDATE/COMMIT WORK", "updated", rs.getString(1));
    }
  }

  static void transactionsSavepoint(Ctx c) throws Exception {
    Connection setup = c.createDatabase("cf_j_sp", "WITH LOG");
    try (Statement s = setup.createStatement()) {
      s.executeUpdate("CREATE TABLE cf_sp (id INTEGER)");
    }
    setup.close();
    Connection a = c.connect("cf_j_sp");
    Connection b = c.connect("cf_j_sp");
    a.setAutoCommit(false);
    try (Statement s = a.createStatement()) {
      s.executeUpdate("INSERT INTO cf_sp VALUES (1)");
      Savepoint sp = a.setSavepoint("cf_sp1");
      s.executeUpdate("INSERT INTO cf_sp VALUES (2)");
      c.eq("rows before rollback to savepoint (same conn)", 2, count(a, "cf_sp"));
      a.rollback(sp);
      c.eq("rows after rollback to savepoint (same conn)", 1, count(a, "cf_sp"));
      s.executeUpdate("INSERT INTO cf_sp VALUES (3)");
      a.commit();
    }
    List<Integer> ids = new ArrayList<>();
    try (Statement s = b.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM cf_sp ORDER BY id")) {
      while (rs.next()) ids.add(rs.getInt(1));
    }
    c.eq("committed rows seen by other conn", "[1, 3]", ids.toString());
  }

  /** Counts rows from a fresh connection (no observer transaction left holding locks). */
  static int observe(Ctx c, String db, String table) throws SQLException {
    try (Connection b = c.connect(db)) {
      return count(b, table);
    }
  }

  static void ansiDatabase(Ctx c) throws Exception {
    Connection setup = c.createDatabase("cf_j_ansi", "WITH LOG MODE ANSI");
    try (Statement s = setup.createStatement()) {
      s.executeUpdate("CREATE TABLE cf_ansi (id INTEGER)");
    }
    setup.close();
    Connection a = c.connect("cf_j_ansi");
    a.setAutoCommit(false);
    try (Statement s = a.createStatement()) {
      s.executeUpdate("INSERT INTO cf_ansi VALUES (1)");
      a.rollback();
      c.eq("after rollback", 0, observe(c, "cf_j_ansi", "cf_ansi"));
      s.executeUpdate("INSERT INTO cf_ansi VALUES (2)");
      a.commit();
      c.eq("after commit", 1, observe(c, "cf_j_ansi", "cf_ansi"));
    }
  }

  static void databaseMetadata(Ctx c) throws Exception {
    Connection conn = c.createDatabase("cf_j_dbmd", "");
    try (Statement s = conn.createStatement()) {
      s.executeUpdate("CREATE TABLE cf_md_a (id INTEGER NOT NULL, name VARCHAR(30), amount DECIMAL(10,2))");
      s.executeUpdate("CREATE TABLE cf_md_b (k CHAR(4))");
    }
    DatabaseMetaData md = conn.getMetaData();
    List<String> tables = new ArrayList<>();
    try (ResultSet rs = md.getTables(null, null, "cf_md_%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String t = rs.getString("TABLE_NAME").trim();
        tables.add(t);
        c.put("getTables." + t + ".TABLE_TYPE", rs.getString("TABLE_TYPE"));
        c.put("getTables." + t + ".TABLE_SCHEM", rs.getString("TABLE_SCHEM"));
        c.put("getTables." + t + ".TABLE_CAT", rs.getString("TABLE_CAT"));
      }
    }
    Collections.sort(tables);
    c.eq("getTables names", "[cf_md_a, cf_md_b]", tables.toString());
    List<String> cols = new ArrayList<>();
    try (ResultSet rs = md.getColumns(null, null, "cf_md_a", "%")) {
      while (rs.next()) {
        String n = rs.getString("COLUMN_NAME").trim();
        cols.add(n);
        String k = "getColumns." + n;
        c.put(k + ".DATA_TYPE", rs.getInt("DATA_TYPE"));
        c.put(k + ".TYPE_NAME", rs.getString("TYPE_NAME"));
        c.put(k + ".COLUMN_SIZE", rs.getInt("COLUMN_SIZE"));
        c.put(k + ".DECIMAL_DIGITS", rs.getString("DECIMAL_DIGITS"));
        c.put(k + ".NULLABLE", rs.getInt("NULLABLE"));
        c.put(k + ".ORDINAL_POSITION", rs.getInt("ORDINAL_POSITION"));
        switch (n) {
          case "id":
            c.eq(k + ".DATA_TYPE", Types.INTEGER, rs.getInt("DATA_TYPE"));
            c.eq(k + ".NULLABLE", DatabaseMetaData.columnNoNulls, rs.getInt("NULLABLE"));
            c.eq(k + ".ORDINAL_POSITION", 1, rs.getInt("ORDINAL_POSITION"));
            break;
          case "name":
            c.eq(k + ".DATA_TYPE", Types.VARCHAR, rs.getInt("DATA_TYPE"));
            c.eq(k + ".COLUMN_SIZE", 30, rs.getInt("COLUMN_SIZE"));
            c.eq(k + ".NULLABLE", DatabaseMetaData.columnNullable, rs.getInt("NULLABLE"));
            c.eq(k + ".ORDINAL_POSITION", 2, rs.getInt("ORDINAL_POSITION"));
            break;
          case "amount":
            c.eq(k + ".DATA_TYPE", Types.DECIMAL, rs.getInt("DATA_TYPE"));
            c.eq(k + ".COLUMN_SIZE", 10, rs.getInt("COLUMN_SIZE"));
            c.eq(k + ".DECIMAL_DIGITS", 2, rs.getInt("DECIMAL_DIGITS"));
            c.eq(k + ".ORDINAL_POSITION", 3, rs.getInt("ORDINAL_POSITION"));
            break;
          default:
            break;
        }
      }
    }
    c.eq("getColumns names", "[id, name, amount]", cols.toString());
  }

  static List<Integer> ids(Statement s, String sql) throws SQLException {
    List<Integer> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) out.add(rs.getInt(1));
    }
    return out;
  }

  static void selectFirstSkip(Ctx c) throws Exception {
    Connection conn = c.createDatabase("cf_j_first", "");
    try (Statement s = conn.createStatement()) {
      s.executeUpdate("CREATE TABLE cf_first (id INTEGER)");
      try (PreparedStatement ps = conn.prepareStatement("INSERT INTO cf_first VALUES (?)")) {
        for (int i = 10; i >= 1; i--) {
          ps.setInt(1, i);
          ps.executeUpdate();
        }
      }
      c.eq("FIRST 3", "[1, 2, 3]", ids(s, "SELECT FIRST 3 id FROM cf_first ORDER BY id").toString());
      c.eq("SKIP 2 FIRST 3", "[3, 4, 5]", ids(s, "SELECT SKIP 2 FIRST 3 id FROM cf_first ORDER BY id").toString());
      c.eq("SKIP 8", "[9, 10]", ids(s, "SELECT SKIP 8 id FROM cf_first ORDER BY id").toString());
      c.eq("FIRST 2 DESC", "[10, 9]", ids(s, "SELECT FIRST 2 id FROM cf_first ORDER BY id DESC").toString());
      c.eq("SKIP 20", "[]", ids(s, "SELECT SKIP 20 id FROM cf_first ORDER BY id").toString());
      c.eq("LIMIT 2", "[1, 2]", ids(s, "SELECT LIMIT 2 id FROM cf_first ORDER BY id").toString());
      s.setMaxRows(4);
      c.eq("setMaxRows(4)", "[1, 2, 3, 4]", ids(s, "SELECT id FROM cf_first ORDER BY id").toString());
    }
  }

  /** Issue 10: a TYPE_SCROLL_INSENSITIVE ResultSet moves by SQ_SFETCH (NEXT, ABSOLUTE, LAST). */
  static void scrollResultSet(Ctx c) throws Exception {
    Connection conn = c.createDatabase("cf_j_scroll", "WITH LOG");
    try (Statement s = conn.createStatement()) {
      s.executeUpdate("CREATE TABLE cf_scroll (n INTEGER)");
      for (int i = 1; i <= 5; i++) s.executeUpdate("INSERT INTO cf_scroll VALUES (" + (i * 10) + ")");
    }
    try (Statement s = conn.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY);
        ResultSet r = s.executeQuery("SELECT n FROM cf_scroll ORDER BY n")) {
      c.eq("next", 10, r.next() ? r.getInt(1) : -1);
      c.eq("absolute(3)", 30, r.absolute(3) ? r.getInt(1) : -1);
      c.eq("previous", 20, r.previous() ? r.getInt(1) : -1);
      c.eq("last", 50, r.last() ? r.getInt(1) : -1);
      c.eq("getRow at last", 5, r.getRow());
      c.eq("next past the end", false, r.next());
      c.eq("isAfterLast", true, r.isAfterLast());
      c.eq("previous after the end", 50, r.previous() ? r.getInt(1) : -1);
      c.eq("absolute(-5)", 10, r.absolute(-5) ? r.getInt(1) : -1);
      c.eq("relative(2)", 30, r.relative(2) ? r.getInt(1) : -1);
      c.eq("absolute(9)", false, r.absolute(9));
      c.eq("first", 10, r.first() ? r.getInt(1) : -1);
      c.eq("previous before the start", false, r.previous());
      c.eq("isBeforeFirst", true, r.isBeforeFirst());
    }
  }

  /** Issue 10: a HOLD_CURSORS_OVER_COMMIT ResultSet is read on after COMMIT; the holdability JDBC reports. */
  static void holdCursorOverCommit(Ctx c) throws Exception {
    Connection conn = c.createDatabase("cf_j_hold", "WITH LOG");
    try (Statement s = conn.createStatement()) {
      s.executeUpdate("CREATE TABLE cf_hold (n INTEGER)");
      for (int i = 1; i <= 3; i++) s.executeUpdate("INSERT INTO cf_hold VALUES (" + i + ")");
    }
    c.put("defaultHoldability", conn.getHoldability());
    conn.setAutoCommit(false);
    try (Statement s = conn.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY,
            ResultSet.HOLD_CURSORS_OVER_COMMIT);
        ResultSet r = s.executeQuery("SELECT n FROM cf_hold ORDER BY n")) {
      c.eq("first row", 1, r.next() ? r.getInt(1) : -1);
      conn.commit();
      c.eq("row after COMMIT", 2, r.next() ? r.getInt(1) : -1);
      c.eq("last after COMMIT", 3, r.last() ? r.getInt(1) : -1);
    }
    conn.commit();
  }

  /** Issue 10: addBatch/executeBatch counts; a failing row's BatchUpdateException. */
  static void executeBatch(Ctx c) throws Exception {
    Connection conn = c.createDatabase("cf_j_batch", "WITH LOG");
    try (Statement s = conn.createStatement()) {
      s.executeUpdate("CREATE TABLE cf_batch (id INTEGER PRIMARY KEY, v VARCHAR(10))");
    }
    conn.setAutoCommit(false);
    try (PreparedStatement p = conn.prepareStatement("INSERT INTO cf_batch VALUES (?, ?)")) {
      for (int i = 1; i <= 100; i++) {
        p.setInt(1, i);
        p.setString(2, "v" + i);
        p.addBatch();
      }
      int[] counts = p.executeBatch();
      c.eq("counts", 100, counts.length);
      c.eq("every count is 1", true, java.util.Arrays.stream(counts).allMatch(n -> n == 1));
      for (int i : new int[] {101, 102, 50, 103}) {
        p.setInt(1, i);
        p.setString(2, "x");
        p.addBatch();
      }
      try {
        p.executeBatch();
        c.check(false, "the duplicate key in the batch did not fail");
      } catch (BatchUpdateException e) {
        c.put("failing batch errorCode", e.getErrorCode());
        c.put("failing batch updateCounts", java.util.Arrays.toString(e.getUpdateCounts()));
        c.check(e.getErrorCode() == -239 || e.getErrorCode() == -268, "duplicate key code, got " + e.getErrorCode());
      }
    }
    conn.commit();
    try (Statement s = conn.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM cf_batch")) {
      r.next();
      c.put("rows after the failing batch", r.getInt(1));
    }
    try (PreparedStatement p = conn.prepareStatement("UPDATE cf_batch SET v = ? WHERE id <= ?")) {
      p.setString(1, "a");
      p.setInt(2, 10);
      p.addBatch();
      p.setString(1, "b");
      p.setInt(2, 0);
      p.addBatch();
      c.eq("UPDATE batch counts", "[10, 0]", java.util.Arrays.toString(p.executeBatch()));
    }
    conn.commit();
  }

  static void errorSyntax(Ctx c) throws Exception {
    Connection conn = c.connect("sysmaster");
    try (Statement s = conn.createStatement()) {
      c.expectError("error", -201, () -> s.executeQuery("SELEC tabname FROM systables").close());
      // The connection stays usable after the error.
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM systables WHERE tabid = 1")) {
        c.check(rs.next(), "no row after error");
        c.eq("query after error", 1, rs.getInt(1));
      }
    }
  }

  static void errorUnknownTable(Ctx c) throws Exception {
    Connection conn = c.connect("sysmaster");
    try (Statement s = conn.createStatement()) {
      c.expectError("error", -206, () -> s.executeQuery("SELECT * FROM cf_no_such_table").close());
    }
  }

  static void errorUnknownColumn(Ctx c) throws Exception {
    Connection conn = c.connect("sysmaster");
    try (Statement s = conn.createStatement()) {
      c.expectError("error", -217, () -> s.executeQuery("SELECT cf_no_such_column FROM systables").close());
    }
  }

  static void errorDuplicateIndex(Ctx c) throws Exception {
    Connection conn = c.createDatabase("cf_j_dupidx", "");
    try (Statement s = conn.createStatement()) {
      s.executeUpdate("CREATE TABLE cf_dupidx (id INTEGER, v VARCHAR(10))");
      s.executeUpdate("CREATE UNIQUE INDEX cf_dupidx_ix ON cf_dupidx (id)");
      s.executeUpdate("INSERT INTO cf_dupidx VALUES (1, 'a')");
      c.expectError("error", -239, () -> s.executeUpdate("INSERT INTO cf_dupidx VALUES (1, 'b')"));
      c.eq("rows after failed insert", 1, count(conn, "cf_dupidx"));
    }
  }

  static void errorDuplicateConstraint(Ctx c) throws Exception {
    Connection conn = c.createDatabase("cf_j_dupcon", "");
    try (Statement s = conn.createStatement()) {
      s.executeUpdate("CREATE TABLE cf_dupcon (id INTEGER PRIMARY KEY, v VARCHAR(10) UNIQUE)");
      s.executeUpdate("INSERT INTO cf_dupcon VALUES (1, 'a')");
      try (PreparedStatement ps = conn.prepareStatement("INSERT INTO cf_dupcon VALUES (?, ?)")) {
        ps.setInt(1, 1);
        ps.setString(2, "b");
        c.expectError("primary_key", -268, ps::executeUpdate);
        ps.setInt(1, 2);
        ps.setString(2, "a");
        c.expectError("unique", -268, ps::executeUpdate);
      }
      c.eq("rows after failed inserts", 1, count(conn, "cf_dupcon"));
    }
  }

  static void errorNotNull(Ctx c) throws Exception {
    Connection conn = c.createDatabase("cf_j_notnull", "");
    try (Statement s = conn.createStatement()) {
      s.executeUpdate("CREATE TABLE cf_notnull (id INTEGER NOT NULL, v VARCHAR(10))");
      c.expectError("literal", -391, () -> s.executeUpdate("INSERT INTO cf_notnull VALUES (NULL, 'a')"));
      try (PreparedStatement ps = conn.prepareStatement("INSERT INTO cf_notnull VALUES (?, ?)")) {
        ps.setNull(1, Types.INTEGER);
        ps.setString(2, "b");
        c.expectError("parameter", -391, ps::executeUpdate);
      }
      c.eq("rows after failed inserts", 0, count(conn, "cf_notnull"));
    }
  }

  static void errorDivideByZero(Ctx c) throws Exception {
    Connection conn = c.connect("sysmaster");
    try (Statement s = conn.createStatement()) {
      c.expectError("error", -1202, () -> {
        try (ResultSet rs = s.executeQuery("SELECT 1 / 0 FROM systables WHERE tabid = 1")) {
          while (rs.next()) rs.getObject(1);
        }
      });
    }
  }

  // ---------------------------------------------------------------- runner

  static String json(String s) {
    if (s == null) return "null";
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"': sb.append("\\\""); break;
        case '\\': sb.append("\\\\"); break;
        case '\n': sb.append("\\n"); break;
        case '\r': sb.append("\\r"); break;
        case '\t': sb.append("\\t"); break;
        default:
          if (ch < 0x20) sb.append(String.format("\\u%04x", (int) ch));
          else sb.append(ch);
      }
    }
    return sb.append('"').toString();
  }

  static String describe(Throwable t) {
    StringBuilder sb = new StringBuilder(t.getClass().getName());
    if (t instanceof SQLException) {
      SQLException e = (SQLException) t;
      sb.append(" [errorCode=").append(e.getErrorCode()).append(", SQLState=").append(e.getSQLState()).append(']');
    }
    sb.append(": ").append(t.getMessage());
    StackTraceElement[] st = t.getStackTrace();
    for (StackTraceElement el : st) {
      if (el.getClassName().startsWith("Scenarios")) {
        sb.append(" (at ").append(el.getMethodName()).append(':').append(el.getLineNumber()).append(')');
        break;
      }
    }
    if (t.getCause() != null && t.getCause() != t) sb.append(" caused by ").append(describe(t.getCause()));
    return sb.toString();
  }

  static void emit(String name, boolean ok, String detail, Map<String, String> values) {
    StringBuilder sb = new StringBuilder("{\"scenario\": ").append(json(name)).append(", \"ok\": ").append(ok)
        .append(", \"detail\": ").append(json(detail)).append(", \"values\": {");
    boolean first = true;
    synchronized (values) {
      for (Map.Entry<String, String> e : values.entrySet()) {
        if (!first) sb.append(", ");
        first = false;
        sb.append(json(e.getKey())).append(": ").append(json(e.getValue()));
      }
    }
    sb.append("}}");
    System.out.println(sb);
    System.out.flush();
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 1 && args[0].equals("--list")) {
      for (String n : ALL.keySet()) System.out.println(n);
      return;
    }
    if (args.length < 2) {
      System.err.println("usage: Scenarios <host> <port> [scenario ...] | --list");
      System.exit(2);
    }
    host = args[0];
    port = Integer.parseInt(args[1]);
    List<String> names = new ArrayList<>();
    for (int i = 2; i < args.length; i++) names.add(args[i]);
    if (names.isEmpty()) names.addAll(ALL.keySet());
    DriverManager.setLoginTimeout(10);
    try {
      Class.forName("com.informix.jdbc.IfxDriver");
    } catch (ClassNotFoundException e) {
      // JDBC 4 service loading will find it if present; a missing driver fails each scenario.
    }
    ExecutorService pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r);
      t.setDaemon(true);
      return t;
    });
    for (String name : names) {
      Body body = ALL.get(name);
      Ctx ctx = new Ctx(name);
      if (body == null) {
        emit(name, false, "unknown scenario", ctx.values);
        continue;
      }
      Future<?> f = pool.submit(() -> {
        body.run(ctx);
        return null;
      });
      String error = null;
      try {
        f.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        error = "timed out after " + TIMEOUT_MS + " ms";
        f.cancel(true);
      } catch (java.util.concurrent.ExecutionException e) {
        error = describe(e.getCause());
      }
      ctx.closeAll();
      List<String> problems = new ArrayList<>();
      if (error != null) problems.add(error);
      synchronized (ctx.mismatches) {
        problems.addAll(ctx.mismatches);
      }
      emit(name, problems.isEmpty(), problems.isEmpty() ? "ok" : String.join("; ", problems), ctx.values);
    }
    System.exit(0);
  }
}
