// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// JDBC scenarios for SPL routines (issue 10): CREATE PROCEDURE/FUNCTION through
// Statement, CallableStatement calls in JDBC escape syntax ({call p(?, ?)} for a procedure,
// {call f(?)} and {? = call f(?)} for a function whose value comes back as a result set), a routine returning many rows (RETURN ... WITH RESUME), a routine in a
// WHERE clause, and RAISE EXCEPTION reaching the client as its SQLCODE. Registered in
// Scenarios.ALL; uses Scenarios.Ctx.

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

final class SplScenarios {
  private SplScenarios() {}

  static void callableStatement(Scenarios.Ctx c) throws Exception {
    Connection conn = c.createDatabase("cf_j_spl", "WITH LOG");
    try (Statement s = conn.createStatement()) {
      s.executeUpdate("CREATE TABLE cf_spl (k INTEGER, v VARCHAR(20))");
      s.executeUpdate(
          "CREATE PROCEDURE cf_add(k INT, v VARCHAR(20))\n"
              + "  INSERT INTO cf_spl VALUES (k, v);\n"
              + "END PROCEDURE");
      s.executeUpdate("CREATE FUNCTION cf_twice(n INT) RETURNING INT; RETURN n * 2; END FUNCTION");
      s.executeUpdate(
          "CREATE FUNCTION cf_upto(n INT) RETURNING INT, VARCHAR(20)\n"
              + "  DEFINE i INT;\n"
              + "  FOR i = 1 TO n\n"
              + "    RETURN i, 'row' || i WITH RESUME;\n"
              + "  END FOR\n"
              + "END FUNCTION");
      s.executeUpdate(
          "CREATE PROCEDURE cf_fail(n INT)\n"
              + "  IF n < 0 THEN RAISE EXCEPTION -746, 0, 'negative: ' || n; END IF\n"
              + "END PROCEDURE");
    }
    try (CallableStatement cs = conn.prepareCall("{call cf_add(?, ?)}")) {
      cs.setInt(1, 7);
      cs.setString(2, "seven");
      cs.execute();
      cs.setInt(1, 8);
      cs.setString(2, "eight");
      cs.execute();
    }
    c.eq("rows inserted by {call cf_add(?, ?)}", 2, Scenarios.count(conn, "cf_spl"));
    // A function's value comes back as the call's result set, with {call f(?)} and {? = call f(?)}
    // alike (IBM JDBC drops the result marker: the input is parameter 1). registerOutParameter on a
    // function without an OUT parameter is -79827, as IBM's JDBC guide documents for it
    // (docs/protocol/jdbc-observed.md, "{? = call f(?)} and OUT parameters").
    try (CallableStatement cs = conn.prepareCall("{? = call cf_twice(?)}")) {
      cs.setInt(1, 4);
      try (ResultSet rs = cs.executeQuery()) {
        c.check(rs.next(), "{? = call cf_twice(?)} gave no row");
        c.eq("{? = call cf_twice(?)}", 8, rs.getInt(1));
      }
      c.expectError("register_out_no_out_parameter", -79827, () -> cs.registerOutParameter(1, java.sql.Types.INTEGER));
    }
    try (CallableStatement cs = conn.prepareCall("{call cf_twice(?)}")) {
      cs.setInt(1, 21);
      try (ResultSet rs = cs.executeQuery()) {
        c.check(rs.next(), "{call cf_twice(?)} gave no row");
        c.put("twice(21)", rs.getInt(1));
        c.eq("{call cf_twice(?)}", 42, rs.getInt(1));
        c.check(!rs.next(), "{call cf_twice(?)} gave a second row");
      }
    }
    try (CallableStatement cs = conn.prepareCall("{call cf_upto(?)}")) {
      cs.setInt(1, 3);
      List<String> rows = new ArrayList<>();
      try (ResultSet rs = cs.executeQuery()) {
        while (rs.next()) rows.add(rs.getInt(1) + ":" + rs.getString(2));
      }
      c.put("cf_upto(3)", String.join(",", rows));
      c.eq("{call cf_upto(?)} rows", "1:row1,2:row2,3:row3", String.join(",", rows));
    }
    try (Statement s = conn.createStatement()) {
      try (ResultSet rs = s.executeQuery("EXECUTE FUNCTION cf_twice(5)")) {
        c.check(rs.next(), "EXECUTE FUNCTION gave no row");
        c.eq("EXECUTE FUNCTION cf_twice(5)", 10, rs.getInt(1));
      }
      try (ResultSet rs = s.executeQuery("SELECT v FROM cf_spl WHERE cf_twice(k) = 16")) {
        c.check(rs.next(), "no row with cf_twice(k) = 16");
        c.eq("routine in WHERE", "eight", rs.getString(1));
      }
      c.expectError("raise", -746, () -> s.execute("EXECUTE PROCEDURE cf_fail(-2)"));
      s.execute("EXECUTE PROCEDURE cf_fail(2)");
      s.executeUpdate("DROP PROCEDURE cf_fail");
      c.expectError("dropped", -674, () -> s.execute("EXECUTE PROCEDURE cf_fail(2)"));
    }
  }

  /**
   * SPL OUT parameters (issue 10). The routine is created, EXECUTE FUNCTION returns only its
   * RETURNING value, getProcedureColumns reports the OUT parameter, and a CallableStatement
   * gets as far as IBM documents for a function with an OUT parameter: prepareCall chains the
   * -9752 warning, hasOutParameter() is true, setInt/registerOutParameter are accepted. The
   * call itself is -999 in the emulator (JDBC's fast-path reply with OUT values is not known
   * yet: docs/protocol/jdbc-observed.md), and the session goes on.
   */
  static void outParameters(Scenarios.Ctx c) throws Exception {
    Connection conn = c.createDatabase("cf_j_splout", "WITH LOG");
    try (Statement s = conn.createStatement()) {
      s.executeUpdate(
          "CREATE FUNCTION cf_split(a INT, OUT b INT, OUT c VARCHAR(10)) RETURNING INT\n"
              + "  LET b = a * 10; LET c = 'v' || a; RETURN a + 1;\n"
              + "END FUNCTION");
      try (ResultSet rs = s.executeQuery("EXECUTE FUNCTION cf_split(4)")) {
        c.check(rs.next(), "EXECUTE FUNCTION cf_split(4) gave no row");
        c.eq("EXECUTE FUNCTION cf_split(4) columns", 1, rs.getMetaData().getColumnCount());
        c.eq("EXECUTE FUNCTION cf_split(4)", 5, rs.getInt(1));
      }
      c.expectError("out_argument", -9752, () -> s.executeQuery("EXECUTE FUNCTION cf_split(4, 1, 'x')").close());
    }
    List<String> cols = new ArrayList<>();
    try (ResultSet rs = conn.getMetaData().getProcedureColumns(null, null, "cf_split", "%")) {
      while (rs.next()) cols.add(rs.getString("COLUMN_NAME") + ":" + rs.getInt("COLUMN_TYPE"));
    }
    // COLUMN_TYPE: procedureColumnIn 1, procedureColumnOut 4, procedureColumnReturn 5.
    c.eq("getProcedureColumns", "a:1,b:4,c:4,:5", String.join(",", cols));
    try (CallableStatement cs = conn.prepareCall("{? = call cf_split(?, ?, ?)}")) {
      java.sql.SQLWarning w = cs.getWarnings();
      c.check(w != null, "prepareCall of a function with OUT parameters chained no warning");
      // JDBC's own code for "Function contains an output parameter."
      if (w != null) c.eq("prepareCall warning code", 79820, w.getErrorCode());
      c.check(((com.informix.jdbc.IfmxCallableStatement) cs).hasOutParameter(), "hasOutParameter() is false");
      cs.setInt(1, 4);
      cs.registerOutParameter(2, java.sql.Types.INTEGER);
      cs.registerOutParameter(3, java.sql.Types.VARCHAR);
      c.expectError("out_call", -999, cs::execute);
    }
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("EXECUTE FUNCTION cf_split(7)")) {
      c.check(rs.next(), "no row after the failed call");
      c.eq("EXECUTE FUNCTION cf_split(7) after the call", 8, rs.getInt(1));
    }
  }
}
