// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Locales through IBM JDBC (issue 10 item 4). For each locale below a database is created
// in that DB_LOCALE and holds the same texts in CHAR, VARCHAR, NVARCHAR and LVARCHAR columns;
// conformance/jdbc/locale-values.mjs repeats the table, so the other client checks them exactly:
//   locale_jdbc_write   JDBC (DB_LOCALE = the locale) creates cf_j_loc<i>, writes the texts and
//                       reads them back; informix-db then reads them without naming a locale
//                       (it follows the database's, as JDBC does).
//   locale_driver_read  informix-db created cf_d_loc<i> with dbLocale = the locale before the
//                       JVM ran; JDBC reads the texts.
// Both also bind a character the code set cannot hold: JDBC refuses it in the client (-23103).

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

final class LocaleScenarios {
  /** Locale, texts (row id = index + 1), then a character the code set cannot represent (null: none). */
  static final String[][] LOCALES = {
    {"en_US.8859-15", "\u20acuro \u0160\u0161\u017d\u017e\u0152\u0153\u0178", "\u00e0\u00e9\u00ee\u00f5\u00fc \u00df \u00bf", "\u0416"},
    {"de_DE.1252", "\u20ac \u201eq\u201c \u2013\u2014 \u2122", "\u0152uvre \u00e4\u00f6\u00fc\u00df", "\u0416"},
    {"en_US.utf8", "\u65e5\u672c\u8a9e \u20ac\u00e9", "\ud83d\ude00 \u0416\u0438\u0437\u043d\u044c", null},
    {"ja_JP.sjis-s", "\u65e5\u672c\u8a9e\u30c6\u30ad\u30b9\u30c8", "\uff71\uff72 abc \u3042", "\u20ac"},
    {"ko_KR.ksc", "\ud55c\uad6d\uc5b4 \ud14d\uc2a4\ud2b8", "abc \uac00\ub098", "\u0e01"},
  };
  static final String DDL = "CREATE TABLE loc (id INT, c CHAR(40), v VARCHAR(80), n NVARCHAR(80), l LVARCHAR(200))";

  private LocaleScenarios() {}

  static Connection connect(String db, String locale) throws SQLException {
    String url = Scenarios.Ctx.url(db, Scenarios.SERVER, Scenarios.USER, Scenarios.PASSWORD)
        + ";DB_LOCALE=" + locale + ";CLIENT_LOCALE=" + locale;
    return DriverManager.getConnection(url);
  }

  static void jdbcWrite(Scenarios.Ctx c) throws Exception {
    for (int i = 0; i < LOCALES.length; i++) {
      String[] loc = LOCALES[i];
      String db = "cf_j_loc" + i;
      try (Connection admin = connect(null, loc[0]); Statement s = admin.createStatement()) {
        s.executeUpdate("CREATE DATABASE " + db + " WITH LOG");
      }
      try (Connection conn = connect(db, loc[0])) {
        try (Statement s = conn.createStatement()) {
          s.executeUpdate(DDL);
        }
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO loc VALUES (?, ?, ?, ?, ?)")) {
          for (int row = 1; row <= 3; row++) {
            ps.setInt(1, row);
            for (int col = 2; col <= 5; col++) ps.setString(col, row == 3 ? null : loc[row]);
            c.eq(loc[0] + ".insert" + row, 1, ps.executeUpdate());
          }
        }
        unconvertible(c, conn, loc);
        check(c, conn, "jdbc", loc);
      }
    }
  }

  static void driverRead(Scenarios.Ctx c) throws Exception {
    for (int i = 0; i < LOCALES.length; i++) {
      String[] loc = LOCALES[i];
      try (Connection conn = connect("cf_d_loc" + i, loc[0])) {
        check(c, conn, "driver", loc);
        unconvertible(c, conn, loc);
      }
    }
  }

  static void unconvertible(Scenarios.Ctx c, Connection conn, String[] loc) {
    if (loc[3] == null) return;
    c.expectError(loc[0] + ".unconvertible", -23103, () -> {
      try (PreparedStatement ps = conn.prepareStatement("INSERT INTO loc (id, v) VALUES (9, ?)")) {
        ps.setString(1, "ok " + loc[3]);
        ps.executeUpdate();
      }
    });
  }

  static void check(Scenarios.Ctx c, Connection conn, String who, String[] loc) throws SQLException {
    int seen = 0;
    try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT id, c, v, n, l FROM loc ORDER BY id")) {
      while (rs.next()) {
        seen++;
        int id = rs.getInt(1);
        String want = id == 3 ? null : loc[id];
        String key = who + "." + loc[0] + ".row" + id;
        String ch = rs.getString(2);
        c.eq(key + ".c", want, ch == null ? null : ch.replaceAll(" +$", ""));
        c.eq(key + ".v", want, rs.getString(3));
        c.eq(key + ".n", want, rs.getString(4));
        c.eq(key + ".l", want, rs.getString(5));
      }
    }
    c.eq(who + "." + loc[0] + ".rows", 3, seen);
  }
}
