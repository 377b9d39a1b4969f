// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// BLOB and CLOB (smart large objects) through IBM JDBC (issue 9 item 2). Values are made by
// the BYTE/TEXT formula of BlobScenarios (conformance/jdbc/blob-values.mjs repeats it), so the
// other client checks them exactly. Rows: id 1..4 hold sizes 0, 1, 64 KiB + 1 and NULL, with
// seed = id (JDBC's rows) or 100 + id (rows our driver wrote before the JVM ran). JDBC writes
// with setBytes/setString on even ids and setBlob(InputStream)/setClob(Reader) on odd ones.

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.Arrays;

final class SmartLobScenarios {
  static final int[] SIZES = {0, 1, 64 * 1024 + 1, -1};
  static final String DRIVER_DB = "cf_d_slobs";
  static final String JDBC_DB = "cf_j_slobs";

  private SmartLobScenarios() {}

  /** Writes rows 1..4 through setBytes/setBlob and setString/setClob, reads them back through JDBC. */
  static void jdbcWrite(Scenarios.Ctx c) throws Exception {
    try (Statement s = BlobScenarios.connect(c, null).createStatement()) {
      s.executeUpdate("CREATE DATABASE " + JDBC_DB + " WITH LOG");
    }
    Connection conn = BlobScenarios.connect(c, JDBC_DB);
    try (Statement s = conn.createStatement()) {
      s.executeUpdate("CREATE TABLE cf_slobs (id INTEGER, b BLOB, c CLOB)");
    }
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO cf_slobs (id, b, c) VALUES (?, ?, ?)")) {
      for (int k = 0; k < SIZES.length; k++) {
        int id = k + 1;
        int size = SIZES[k];
        ps.setInt(1, id);
        if (size < 0) {
          ps.setNull(2, Types.BLOB);
          ps.setNull(3, Types.CLOB);
        } else if (id % 2 == 0) {
          ps.setBytes(2, BlobScenarios.bytes(size, id));
          ps.setString(3, BlobScenarios.text(size, id));
        } else {
          ps.setBlob(2, new ByteArrayInputStream(BlobScenarios.bytes(size, id)), size);
          ps.setClob(3, new StringReader(BlobScenarios.text(size, id)), size);
        }
        c.eq("INSERT id " + id, 1, ps.executeUpdate());
      }
    }
    check(c, conn, "jdbc", 0);
  }

  /** Reads the rows our driver wrote (seed 100 + id) through getBytes/getString. */
  static void driverRead(Scenarios.Ctx c) throws Exception {
    check(c, BlobScenarios.connect(c, DRIVER_DB), "driver", 100);
  }

  static void check(Scenarios.Ctx c, Connection conn, String who, int seedBase) throws Exception {
    int seen = 0;
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, b, c FROM cf_slobs ORDER BY id")) {
      while (rs.next()) {
        int id = rs.getInt(1);
        int size = SIZES[id - 1];
        byte[] b = rs.getBytes(2);
        String t = rs.getString(3);
        String key = who + ".row" + id;
        c.put(key + ".b.length", b == null ? null : b.length);
        c.put(key + ".c.length", t == null ? null : t.length());
        if (size < 0) {
          c.check(b == null, key + ": BLOB should be NULL");
          c.check(t == null, key + ": CLOB should be NULL");
        } else {
          c.check(b != null && Arrays.equals(b, BlobScenarios.bytes(size, seedBase + id)), key + ": BLOB differs");
          c.check(BlobScenarios.text(size, seedBase + id).equals(t), key + ": CLOB differs");
        }
        seen++;
      }
    }
    c.eq(who + " rows", SIZES.length, seen);
  }
}
