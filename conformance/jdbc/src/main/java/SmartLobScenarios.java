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

  /**
   * java.sql.Blob/Clob and IfxSmartBlob on smart LOBs, against the documented seek rule
   * (ifx_lo_seek/mi_lo_seek and IfxSmartBlob.seek: with LO_SEEK_SET the offset counts bytes from
   * the start, 0 being the first). Observed on loopback (docs/protocol/smart-lobs.md §4.3):
   * Clob.setString(pos, s) seeks to pos - 1, Blob.getBytes(pos, n) reads from 0 and indexes
   * pos - 1 itself, but Blob.setBytes(pos, x) seeks to pos, so x lands one byte after where
   * java.sql.Blob says (a zero byte before it on a new Blob). This scenario pins all of that;
   * a server answering otherwise (a 1-based offset) would break the Clob, IfxSmartBlob and
   * read cases instead.
   */
  static void blobApi(Scenarios.Ctx c) throws Exception {
    try (Statement s = BlobScenarios.connect(c, null).createStatement()) {
      s.executeUpdate("CREATE DATABASE cf_j_slobapi WITH LOG");
    }
    Connection conn = BlobScenarios.connect(c, "cf_j_slobapi");
    try (Statement s = conn.createStatement()) {
      s.executeUpdate("CREATE TABLE cf_slobapi (id INTEGER, b BLOB, c CLOB)");
    }
    // IfxSmartBlob: the whence constants, and seek/tell/write on a new smart LOB.
    Class<?> k = Class.forName("com.informix.jdbc.IfxSmartBlob");
    c.eq("LO_SEEK_SET", 0, k.getField("LO_SEEK_SET").get(null));
    c.eq("LO_SEEK_CUR", 1, k.getField("LO_SEEK_CUR").get(null));
    c.eq("LO_SEEK_END", 2, k.getField("LO_SEEK_END").get(null));
    Object smb = k.getConstructor(Connection.class).newInstance(conn);
    Class<?> loc = Class.forName("com.informix.jdbc.IfxLocator");
    Class<?> desc = Class.forName("com.informix.jdbc.IfxLobDescriptor");
    Object locator = loc.getConstructor().newInstance();
    int lo = (Integer) k.getMethod("IfxLoCreate", desc, int.class, loc)
        .invoke(smb, desc.getConstructor(Connection.class).newInstance(conn), k.getField("LO_RDWR").get(null), locator);
    java.lang.reflect.Method seek = k.getMethod("seek", int.class, long.class, int.class);
    c.eq("seek(0, SET)", 0L, seek.invoke(smb, lo, 0L, 0));
    c.eq("IfxLoWrite 5 bytes", 5, k.getMethod("IfxLoWrite", int.class, byte[].class).invoke(smb, lo, new byte[] {1, 2, 3, 4, 5}));
    c.eq("IfxLoTell after the write", 5L, k.getMethod("IfxLoTell", int.class).invoke(smb, lo));
    c.eq("seek(-2, CUR)", 3L, seek.invoke(smb, lo, -2L, 1));
    c.eq("seek(0, END)", 5L, seek.invoke(smb, lo, 0L, 2));
    c.eq("seek(1, SET)", 1L, seek.invoke(smb, lo, 1L, 0));
    c.eq("IfxLoWrite at 1", 1, k.getMethod("IfxLoWrite", int.class, byte[].class).invoke(smb, lo, new byte[] {9}));
    k.getMethod("IfxLoClose", int.class).invoke(smb, lo);
    // java.sql.Blob / Clob made by the connection, then inserted.
    byte[] x = BlobScenarios.bytes(70_000, 7);
    java.sql.Blob blob = conn.createBlob();
    c.eq("Blob.setBytes(1, x) count", x.length, blob.setBytes(1, x));
    java.sql.Clob clob = conn.createClob();
    c.eq("Clob.setString(1, s) count", 6, clob.setString(1, "abcdef"));
    c.eq("Clob.setString(3, XY) count", 2, clob.setString(3, "XY"));
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO cf_slobapi (id, b, c) VALUES (?, ?, ?)")) {
      ps.setInt(1, 1);
      ps.setBlob(2, blob);
      ps.setClob(3, clob);
      c.eq("INSERT 1", 1, ps.executeUpdate());
    }
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("SELECT b, c FROM cf_slobapi WHERE id = 1")) {
      c.check(rs.next(), "row 1 missing");
      java.sql.Blob b = rs.getBlob(1);
      byte[] expected = new byte[x.length + 1];
      System.arraycopy(x, 0, expected, 1, x.length);
      c.eq("Blob.setBytes(1, x): length read back", (long) expected.length, b.length());
      c.check(Arrays.equals(b.getBytes(1, (int) b.length()), expected), "Blob.setBytes(1, x) is not x at offset 1");
      c.eq("Blob.getBytes(3, 2)", Arrays.toString(Arrays.copyOfRange(expected, 2, 4)), Arrays.toString(b.getBytes(3, 2)));
      c.eq("Clob.setString(1, abcdef) then (3, XY)", "abXYef", rs.getString(2));
    }
  }
}
