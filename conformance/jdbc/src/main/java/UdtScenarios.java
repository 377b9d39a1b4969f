// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Named ROW, DISTINCT and BSON columns through IBM JDBC (issue 9). The rows are the ones
// conformance/jdbc/udt-values.mjs lists; one client writes them and the other reads them:
//   udt_jdbc_write   JDBC creates cf_j_udt and writes the rows (ROW text by setString,
//                    an unnamed ROW table cf_row by setObject of a Struct,
//                    DECIMAL/INTEGER/VARCHAR/LVARCHAR distinct values by their source
//                    setters, BSON as JSON text cast to BSON); informix-db reads them back.
//   udt_driver_read  informix-db wrote cf_d_udt before the JVM ran; JDBC reads the values.
// ROW values are read field by field (p.name, p.age) and whole (getObject: a java.sql.Struct);
// BSON through bson_value_*() and whole
// (getString: IBM JDBC prints the BSON document it reads as JSON, getBytes: the document's bytes).

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Struct;
import java.sql.Types;

final class UdtScenarios {
  static final String DRIVER_DB = "cf_d_udt";
  static final String JDBC_DB = "cf_j_udt";
  static final String[] DDL = {
    "CREATE ROW TYPE person_t (name VARCHAR(30), age INT)",
    "CREATE DISTINCT TYPE dollars AS DECIMAL(10,2)",
    "CREATE DISTINCT TYPE code_t AS INTEGER",
    "CREATE DISTINCT TYPE tag_t AS VARCHAR(20)",
    "CREATE DISTINCT TYPE memo_t AS LVARCHAR(500)",
    "CREATE TABLE cf_udt (id INT, p person_t, price dollars, code code_t, tag tag_t, memo memo_t, doc BSON)",
  };
  // Row id → name, age, price, code, tag, memo, JSON of doc, then bson_value_int(a), _bigint(big),
  // _double(f), _lvarchar(s); row 3 is all NULL.
  static final Object[][] ROWS = {
    {1, "Ann", 40, "19.99", 42, "red", "a memo", "{\"a\": 1, \"big\": 12345678901, \"f\": 2.5, \"s\": \"x\"}", 1, 12345678901L, 2.5, "x"},
    {2, "O'Neil", -3, "-0.01", -2147483647, "", "it's", "{\"a\": -7, \"big\": -9007199254740993, \"f\": -0.125, \"s\": \"\"}", -7, -9007199254740993L, -0.125, ""},
    {3, null, null, null, null, null, null, null, null, null, null, null},
  };

  private UdtScenarios() {}

  static void jdbcWrite(Scenarios.Ctx c) throws Exception {
    Connection conn = c.createDatabase(JDBC_DB, "WITH LOG");
    try (Statement s = conn.createStatement()) {
      for (String ddl : DDL) s.executeUpdate(ddl);
    }
    String sql = "INSERT INTO cf_udt (id, p, price, code, tag, memo, doc) VALUES (?, ?, ?, ?, ?, ?, ?::JSON::BSON)";
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      for (Object[] r : ROWS) {
        ps.setInt(1, (Integer) r[0]);
        if (r[1] == null) {
          ps.setNull(2, Types.VARCHAR);
          ps.setNull(3, Types.DECIMAL);
          ps.setNull(4, Types.INTEGER);
          ps.setNull(5, Types.VARCHAR);
          ps.setNull(6, Types.VARCHAR);
          ps.setNull(7, Types.VARCHAR);
        } else {
          ps.setString(2, "ROW('" + ((String) r[1]).replace("'", "''") + "'," + r[2] + ")");
          ps.setBigDecimal(3, new BigDecimal((String) r[3]));
          ps.setInt(4, (Integer) r[4]);
          ps.setString(5, (String) r[5]);
          ps.setString(6, (String) r[6]);
          ps.setString(7, (String) r[7]);
        }
        c.eq("INSERT id " + r[0], 1, ps.executeUpdate());
      }
    }
    check(c, conn, "jdbc");
    writeStructs(c, conn);
    writeOpaque(c, conn);
    readCollections(c, conn);
    readTemporalRows(c, conn);
  }

  // ROW fields of DATETIME and BOOLEAN read whole (the binary form carries them); a ROW with an
  // LVARCHAR field, whose form JDBC does not read from the emulator, fails its getObject with an
  // SQLException while rs.next() and the row's other columns still work.
  static void readTemporalRows(Scenarios.Ctx c, Connection conn) throws Exception {
    try (Statement s = conn.createStatement()) {
      s.executeUpdate("CREATE TABLE cf_rowx (id INT, r ROW(a INT, d DATETIME YEAR TO SECOND, b BOOLEAN), "
          + "u ROW(a INT, l LVARCHAR(100)))");
      s.executeUpdate("INSERT INTO cf_rowx VALUES (1, ROW(5, '2024-02-29 10:11:12', 't'), ROW(1, 'x'))");
      s.executeUpdate("INSERT INTO cf_rowx VALUES (2, ROW(NULL, NULL, NULL), NULL)");
      s.executeUpdate("INSERT INTO cf_rowx VALUES (3, NULL, NULL)");
    }
    // JDBC's own binary form of such a ROW (setObject of a Struct), read back below.
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO cf_rowx (id, r) VALUES (4, ?)")) {
      ps.setObject(1, new TypedStruct("row(a integer, d datetime year to second, b boolean)",
          -1, java.sql.Timestamp.valueOf("1999-12-31 23:59:58"), Boolean.FALSE));
      c.eq("INSERT cf_rowx 4", 1, ps.executeUpdate());
    }
    String[] want = {"{Integer:5,Timestamp:2024-02-29 10:11:12.0,Boolean:true}", "{null,null,null}", null,
      "{Integer:-1,Timestamp:1999-12-31 23:59:58.0,Boolean:false}"};
    int seen = 0;
    try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT r, u, id FROM cf_rowx ORDER BY id")) {
      while (rs.next()) {
        String key = "jdbc.cf_rowx" + (seen + 1);
        c.eq(key + ".r", want[seen], get(c, key + ".r", () -> show(rs.getObject(1))));
        String err = null;
        try {
          rs.getObject(2);
        } catch (java.sql.SQLException e) {
          err = e.getMessage();
        }
        c.eq(key + ".u.error", "System or internal error", err);
        c.eq(key + ".id", seen + 1, rs.getInt(3));
        seen++;
      }
    }
    c.eq("cf_rowx rows", 4, seen);
  }

  static final class TypedStruct implements Struct {
    final String type;
    final Object[] attrs;

    TypedStruct(String type, Object... attrs) {
      this.type = type;
      this.attrs = attrs;
    }

    public String getSQLTypeName() {
      return type;
    }

    public Object[] getAttributes() {
      return attrs;
    }

    public Object[] getAttributes(java.util.Map<String, Class<?>> map) {
      return attrs;
    }
  }

  // SET/MULTISET/LIST columns read whole with getObject (JDBC asks for them as SENDRECV, 44).
  static void readCollections(Scenarios.Ctx c, Connection conn) throws Exception {
    try (Statement s = conn.createStatement()) {
      s.executeUpdate("CREATE TABLE cf_coll (id INT, s SET(INT NOT NULL), m MULTISET(VARCHAR(10) NOT NULL), "
          + "l LIST(DECIMAL(6,2) NOT NULL))");
      s.executeUpdate("INSERT INTO cf_coll VALUES (1, SET{1,2}, MULTISET{'ab','c','c'}, LIST{1.5, -2.25})");
      s.executeUpdate("INSERT INTO cf_coll VALUES (2, NULL, NULL, NULL)");
      s.executeUpdate("INSERT INTO cf_coll VALUES (3, SET{}, MULTISET{}, LIST{})");
    }
    // setObject of a java.util.Set (JDBC binds multiset(int not null) in the binary form) and of
    // a List of strings (list(lvarchar not null)).
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO cf_coll (id, s, m) VALUES (4, ?, ?)")) {
      ps.setObject(1, new java.util.HashSet<>(java.util.Arrays.asList(5, 6)));
      ps.setObject(2, new java.util.ArrayList<>(java.util.Arrays.asList("x", "y'z", "x")));
      c.eq("INSERT cf_coll 4", 1, ps.executeUpdate());
    }
    String[][] want = {
      {"HashSet[1, 2]", "ArrayList[ab, c, c]", "ArrayList[1.50, -2.25]"},
      {null, null, null},
      {"HashSet[]", "ArrayList[]", "ArrayList[]"},
      {"HashSet[5, 6]", "ArrayList[x, y'z, x]", null},
    };
    int seen = 0;
    try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT s, m, l, id FROM cf_coll ORDER BY id")) {
      while (rs.next()) {
        for (int i = 1; i <= 3; i++) {
          String key = "jdbc.cf_coll" + (seen + 1) + "." + i;
          final int col = i;
          c.eq(key, want[seen][i - 1], get(c, key, () -> {
            Object o = rs.getObject(col);
            return o == null ? null : o.getClass().getSimpleName() + o;
          }));
        }
        c.eq("jdbc.cf_coll" + (seen + 1) + ".id", seen + 1, rs.getInt(4));
        seen++;
      }
    }
    c.eq("cf_coll rows", 4, seen);
  }

  // An opaque type (CREATE OPAQUE TYPE; the emulator keeps the text a value was given): JDBC
  // writes it with setString and reads it with getBytes (getObject needs a type map, recorded).
  static void writeOpaque(Scenarios.Ctx c, Connection conn) throws Exception {
    try (Statement s = conn.createStatement()) {
      s.executeUpdate("CREATE OPAQUE TYPE circle_t (INTERNALLENGTH = VARIABLE, MAXLEN = 200)");
      s.executeUpdate("CREATE TABLE cf_opaque (id INT, c circle_t)");
    }
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO cf_opaque VALUES (?, ?)")) {
      ps.setInt(1, 1);
      ps.setString(2, "(1,2,3)");
      c.eq("INSERT cf_opaque 1", 1, ps.executeUpdate());
      ps.setInt(1, 2);
      ps.setNull(2, Types.VARCHAR);
      c.eq("INSERT cf_opaque 2", 1, ps.executeUpdate());
    }
    String[] want = {"(1,2,3)", null};
    int seen = 0;
    try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT c, id FROM cf_opaque ORDER BY id")) {
      ResultSetMetaData md = rs.getMetaData();
      c.eq("cf_opaque.columnType", "2000 circle_t", md.getColumnType(1) + " " + md.getColumnTypeName(1));
      while (rs.next()) {
        String key = "jdbc.cf_opaque" + (seen + 1);
        c.eq(key + ".getBytes", want[seen], get(c, key, () -> {
          byte[] b = rs.getBytes(1);
          return b == null ? null : new String(b, "ISO-8859-1");
        }));
        c.eq(key + ".id", seen + 1, rs.getInt(2));
        if (seen == 0) get(c, key + ".getObject", () -> rs.getObject(1));
        seen++;
      }
    }
    c.eq("cf_opaque rows", 2, seen);
  }

  // An unnamed ROW written with setObject(Struct) (IBM JDBC binds its binary form, type 44) and
  // read back whole with getObject; informix-db reads the same rows (udt-values.mjs). JDBC pads
  // a VARCHAR field to its maximum when it writes the form, so b comes back padded.
  static final String ROW_TYPE = "row(a integer, b varchar(10), c decimal(8,2), d date, e bigint)";
  static final String STRUCT_1 = "{Integer:7,String:x'y       ,BigDecimal:12.34,Date:2024-02-29,Long:-5}";
  static final String STRUCT_2 = "{null,null,null,null,null}";

  static final class RowStruct implements Struct {
    final Object[] attrs;

    RowStruct(Object... attrs) {
      this.attrs = attrs;
    }

    public String getSQLTypeName() {
      return ROW_TYPE;
    }

    public Object[] getAttributes() {
      return attrs;
    }

    public Object[] getAttributes(java.util.Map<String, Class<?>> map) {
      return attrs;
    }
  }

  static void writeStructs(Scenarios.Ctx c, Connection conn) throws Exception {
    try (Statement s = conn.createStatement()) {
      s.executeUpdate("CREATE TABLE cf_row (id INT, r ROW(a INT, b VARCHAR(10), c DECIMAL(8,2), d DATE, e BIGINT))");
    }
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO cf_row (id, r) VALUES (?, ?)")) {
      ps.setInt(1, 1);
      ps.setObject(2, new RowStruct(7, "x'y", new BigDecimal("12.34"), java.sql.Date.valueOf("2024-02-29"), -5L));
      c.eq("INSERT cf_row 1", 1, ps.executeUpdate());
      ps.setInt(1, 2);
      ps.setObject(2, new RowStruct(null, null, null, null, null));
      c.eq("INSERT cf_row 2", 1, ps.executeUpdate());
      ps.setInt(1, 3);
      ps.setNull(2, Types.STRUCT, ROW_TYPE);
      c.eq("INSERT cf_row 3", 1, ps.executeUpdate());
    }
    String[] want = {STRUCT_1, STRUCT_2, null};
    int seen = 0;
    try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT r, id FROM cf_row ORDER BY id")) {
      while (rs.next()) {
        String key = "jdbc.cf_row" + (seen + 1);
        c.eq(key, want[seen], get(c, key, () -> show(rs.getObject(1))));
        c.eq(key + ".id", seen + 1, rs.getInt(2));
        seen++;
      }
    }
    c.eq("cf_row rows", 3, seen);
  }

  /** A Struct's attributes with their classes, `{Integer:7,…}`; null for NULL. */
  static String show(Object o) throws Exception {
    if (o == null) return null;
    Object[] attrs = ((Struct) o).getAttributes();
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < attrs.length; i++) {
      if (i > 0) b.append(',');
      b.append(attrs[i] == null ? "null" : attrs[i].getClass().getSimpleName() + ":" + attrs[i]);
    }
    return b.append('}').toString();
  }

  static void driverRead(Scenarios.Ctx c) throws Exception {
    check(c, c.connect(DRIVER_DB), "driver");
  }

  static void check(Scenarios.Ctx c, Connection conn, String who) throws Exception {
    String q = "SELECT id, p.name, p.age, price, code, tag, memo, bson_value_int(doc, 'a'), bson_value_bigint(doc, 'big'), "
        + "bson_value_double(doc, 'f'), bson_value_lvarchar(doc, 's') FROM cf_udt ORDER BY id";
    int seen = 0;
    try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(q)) {
      ResultSetMetaData md = rs.getMetaData();
      for (int i = 4; i <= 7; i++) c.put(who + ".column" + i + ".typeName", md.getColumnTypeName(i));
      while (rs.next()) {
        Object[] r = ROWS[seen];
        String key = who + ".row" + r[0];
        c.eq(key + ".id", r[0], rs.getInt(1));
        c.eq(key + ".name", r[1], get(c, key + ".name", () -> rs.getString(2)));
        c.eq(key + ".age", r[2], get(c, key + ".age", () -> nullable(rs, rs.getInt(3))));
        c.eq(key + ".price", r[3], get(c, key + ".price", () -> {
          BigDecimal price = rs.getBigDecimal(4);
          return price == null ? null : price.toPlainString();
        }));
        c.eq(key + ".code", r[4], get(c, key + ".code", () -> nullable(rs, rs.getInt(5))));
        c.eq(key + ".tag", r[5], get(c, key + ".tag", () -> {
          String tag = rs.getString(6);
          return tag == null ? null : tag.trim();
        }));
        c.eq(key + ".memo", r[6], get(c, key + ".memo", () -> rs.getString(7)));
        c.eq(key + ".bson.a", r[8], get(c, key + ".bson.a", () -> nullable(rs, rs.getInt(8))));
        c.eq(key + ".bson.big", r[9], get(c, key + ".bson.big", () -> nullable(rs, rs.getLong(9))));
        c.eq(key + ".bson.f", r[10], get(c, key + ".bson.f", () -> nullable(rs, rs.getDouble(10))));
        c.eq(key + ".bson.s", r[11], get(c, key + ".bson.s", () -> rs.getString(11)));
        seen++;
      }
    }
    c.eq(who + " rows", ROWS.length, seen);
    // A whole named ROW value: IBM JDBC asks for it as SENDRECV (SQ_RETTYPE 44) and reads the
    // binary form with its schema into a java.sql.Struct (getString is the Struct's toString,
    // recorded only). A whole BSON value: IBM JDBC reads the payload as a BSON document and
    // prints it as JSON.
    checkStructs(c, conn, who);
    record(c, conn, who + ".p", "SELECT p FROM cf_udt WHERE id = 1");
    record(c, conn, who + ".doc", "SELECT doc FROM cf_udt WHERE id = 1");
    c.eq(who + ".doc.getString", "{ \"a\" : 1, \"big\" : 12345678901, \"f\" : 2.5, \"s\" : \"x\" }",
        c.values.get(who + ".doc.getString"));
    c.eq(who + ".doc.getBytes.length", "45", c.values.get(who + ".doc.getBytes.length"));
  }

  /**
   * getObject of the whole named ROW column: a Struct with the exact attributes and their classes
   * (its getSQLTypeName is recorded: "" against the emulator, what IDS gives is not established).
   */
  static void checkStructs(Scenarios.Ctx c, Connection conn, String who) throws Exception {
    int seen = 0;
    try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT id, p FROM cf_udt ORDER BY id")) {
      while (rs.next()) {
        Object[] r = ROWS[seen++];
        String key = who + ".row" + r[0] + ".p.getObject";
        String want = r[1] == null ? null : "{String:" + r[1] + ",Integer:" + r[2] + "}";
        c.eq(key, want, get(c, key, () -> {
          Object o = rs.getObject(2);
          if (o != null) c.put(key + ".getSQLTypeName", ((Struct) o).getSQLTypeName());
          return show(o);
        }));
      }
    }
    c.eq(who + ".p rows", ROWS.length, seen);
  }

  static void record(Scenarios.Ctx c, Connection conn, String key, String sql) {
    try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      c.put(key + ".columnType", md.getColumnType(1) + " " + md.getColumnTypeName(1));
      if (rs.next()) {
        c.put(key + ".getString", get(c, key + ".getString", () -> rs.getString(1)));
        c.put(key + ".getBytes.length", get(c, key + ".getBytes", () -> {
          byte[] b = rs.getBytes(1);
          return b == null ? null : b.length;
        }));
      }
    } catch (Exception e) {
      c.put(key + ".error", e.getMessage());
    }
  }

  static Object nullable(ResultSet rs, Object v) throws Exception {
    return rs.wasNull() ? null : v;
  }

  interface Getter {
    Object get() throws Exception;
  }

  /** One getter's value; its exception is recorded (with the column) instead of ending the scenario. */
  static Object get(Scenarios.Ctx c, String key, Getter g) {
    try {
      return g.get();
    } catch (Exception e) {
      c.put(key + ".error", e.getMessage());
      return "error: " + e.getMessage();
    }
  }
}
