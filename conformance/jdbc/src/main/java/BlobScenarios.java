// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// BYTE and TEXT through IBM JDBC (issue 9). Values are made by one formula that
// conformance/jdbc/blob-values.mjs repeats, so the other client can check them exactly:
//   BYTE  byte i of value `seed`:  (i * 31 + seed * 7 + (i >>> 8)) & 0xff
//   TEXT  char i of value `seed`:  ALPHABET[(i * 7 + seed) % ALPHABET.length] (ASCII: IBM JDBC's
//         setString on TEXT sends the JVM's default charset (UTF-8 here) but getString reads
//         Latin-1, so non-ASCII text does not survive JDBC alone; docs/protocol/blobs.md)
// Rows: id 1..5 hold sizes 0, 1, 64 KiB + 1, 20 MiB and NULL, with seed = id (JDBC's rows)
// or 100 + id (rows our driver wrote before the JVM ran).

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.Arrays;

final class BlobScenarios {
  static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789\n.,;";
  static final int[] SIZES = {0, 1, 64 * 1024 + 1, 20 * 1024 * 1024, -1};
  /** The database and table our driver fills before the scenarios run. */
  static final String DRIVER_DB = "cf_d_blobs";
  static final String JDBC_DB = "cf_j_blobs";

  private BlobScenarios() {}

  static byte[] bytes(int size, int seed) {
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) b[i] = (byte) ((i * 31 + seed * 7 + (i >>> 8)) & 0xff);
    return b;
  }

  static String text(int size, int seed) {
    char[] c = new char[size];
    for (int i = 0; i < size; i++) c[i] = ALPHABET.charAt((int) (((long) i * 7 + seed) % ALPHABET.length()));
    return new String(c);
  }

  /** A stream of bytes(size, seed) made as it is read (JDBC's setBinaryStream). */
  static InputStream byteStream(int size, int seed) {
    return new InputStream() {
      int at = 0;

      @Override
      public int read() {
        if (at >= size) return -1;
        int v = (at * 31 + seed * 7 + (at >>> 8)) & 0xff;
        at++;
        return v;
      }

      @Override
      public int read(byte[] buf, int off, int len) {
        if (at >= size) return -1;
        int n = Math.min(len, size - at);
        for (int k = 0; k < n; k++) buf[off + k] = (byte) read();
        return n;
      }
    };
  }

  static String sha256(byte[] b) throws Exception {
    byte[] d = MessageDigest.getInstance("SHA-256").digest(b);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) sb.append(String.format("%02x", d[i]));
    return sb.toString();
  }

  /**
   * A connection that keeps fetched BYTE/TEXT values in memory (LOBCACHE=-1): with the default
   * (values over 4 KiB go through a temporary file) IBM JDBC's getString of a 20 MiB TEXT
   * takes about a minute by itself.
   */
  static Connection connect(Scenarios.Ctx c, String db) throws Exception {
    Connection conn = DriverManager.getConnection(Scenarios.Ctx.url(db, Scenarios.SERVER, Scenarios.USER, Scenarios.PASSWORD) + ";LOBCACHE=-1");
    c.conns.add(conn);
    return conn;
  }

  /** Writes rows 1..5 through setBytes/setBinaryStream/setString/setNull, reads them back through JDBC. */
  static void jdbcWrite(Scenarios.Ctx c) throws Exception {
    try (Statement s = connect(c, null).createStatement()) {
      s.executeUpdate("CREATE DATABASE " + JDBC_DB + " WITH LOG");
    }
    Connection conn = connect(c, JDBC_DB);
    try (Statement s = conn.createStatement()) {
      s.executeUpdate("CREATE TABLE cf_blobs (id INTEGER, b BYTE IN blobspace1, t TEXT IN TABLE)");
    }
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO cf_blobs (id, b, t) VALUES (?, ?, ?)")) {
      for (int k = 0; k < SIZES.length; k++) {
        int id = k + 1;
        int size = SIZES[k];
        ps.setInt(1, id);
        if (size < 0) {
          ps.setNull(2, Types.LONGVARBINARY);
          ps.setNull(3, Types.LONGVARCHAR);
        } else {
          // Small values through setBytes, large ones streamed, as applications do.
          if (size <= 1) ps.setBytes(2, bytes(size, id));
          else ps.setBinaryStream(2, byteStream(size, id), size);
          ps.setString(3, text(size, id));
        }
        c.eq("INSERT id " + id, 1, ps.executeUpdate());
      }
    }
    check(c, conn, "jdbc", 0);
  }

  /** Reads the rows our driver wrote (seed 100 + id) through JDBC. */
  static void driverRead(Scenarios.Ctx c) throws Exception {
    Connection conn = connect(c, DRIVER_DB);
    check(c, conn, "driver", 100);
  }

  static void check(Scenarios.Ctx c, Connection conn, String who, int seedBase) throws Exception {
    int seen = 0;
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, b, t FROM cf_blobs ORDER BY id")) {
      while (rs.next()) {
        int id = rs.getInt(1);
        int size = SIZES[id - 1];
        byte[] b = rs.getBytes(2);
        String t = rs.getString(3);
        String key = who + ".row" + id;
        c.put(key + ".b.length", b == null ? null : b.length);
        c.put(key + ".t.length", t == null ? null : t.length());
        if (b != null) c.put(key + ".b.sha256", sha256(b));
        if (size < 0) {
          c.check(b == null, key + ": BYTE should be NULL");
          c.check(t == null, key + ": TEXT should be NULL");
        } else {
          c.check(b != null && Arrays.equals(b, bytes(size, seedBase + id)), key + ": BYTE differs");
          c.check(text(size, seedBase + id).equals(t), key + ": TEXT differs");
        }
        seen++;
      }
    }
    c.eq(who + " rows", SIZES.length, seen);
  }
}
