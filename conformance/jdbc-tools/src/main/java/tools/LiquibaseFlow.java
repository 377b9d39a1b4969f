// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Liquibase (its InformixDatabase, picked from the connection) runs an XML changelog:
// update, status, rollback-count 2, status again. What it wrote is read back over JDBC.

package tools;

import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.core.InformixDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

final class LiquibaseFlow {
  static final String DB = "cf_t_liquibase";
  static final String CHANGELOG = "db/liquibase/changelog.xml";

  private LiquibaseFlow() {}

  @SuppressWarnings("deprecation") // the Liquibase facade is what most embedding code still calls
  static void run(Flow f) throws Exception {
    f.freshDatabase(DB, "WITH LOG");
    try (Connection conn = f.connect(DB)) {
      // IBM JDBC 15.0.0.1.1 answers DatabaseMetaData.getURL() with null (whatever the URL), and
      // Liquibase's auto-detection then fails in CockroachDatabase (NullPointerException), so
      // the database class is named, as with the CLI's --database-class. InformixDatabase
      // still checks the product name when the connection is set.
      f.record("DatabaseMetaData.getURL()", conn.getMetaData().getURL());
      Database database = new InformixDatabase();
      database.setConnection(new JdbcConnection(conn));
      f.check("InformixDatabase.isCorrectDatabaseImplementation",
          database.isCorrectDatabaseImplementation(database.getConnection()), true);
      Liquibase lb = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), database);

      f.check("status before update: unrun", lb.listUnrunChangeSets(new Contexts(), new LabelExpression()).size(), 4);
      lb.update(new Contexts(), new LabelExpression());
      f.check("status after update: unrun", lb.listUnrunChangeSets(new Contexts(), new LabelExpression()).size(), 0);
      StringWriter status = new StringWriter();
      lb.reportStatus(true, new Contexts(), status);
      f.record("status report", status.toString().trim());

      try (Connection c = f.connect(DB); Statement s = c.createStatement()) {
        List<String> ran = new ArrayList<>();
        for (Map<String, String> r : Flow.rows(s.executeQuery("SELECT id, exectype FROM databasechangelog ORDER BY orderexecuted")))
          ran.add(r.get("ID") + ":" + r.get("EXECTYPE"));
        f.check("databasechangelog", ran, List.of("1:EXECUTED", "2:EXECUTED", "3:EXECUTED", "4:EXECUTED"));
        List<String> books = new ArrayList<>();
        for (Map<String, String> r : Flow.rows(s.executeQuery(
            "SELECT b.title, a.name, a.born, b.published, b.price, b.isbn FROM book b, author a WHERE a.id = b.author_id")))
          books.add(r.get("TITLE") + "|" + r.get("NAME") + "|" + r.get("BORN") + "|" + r.get("PUBLISHED") + "|" + r.get("PRICE") + "|" + r.get("ISBN"));
        f.check("book rows", books, List.of("Notes|Ada|1950-03-04|2020-05-06 07:08:09.0|12.50|978-0"));
        try {
          s.executeUpdate("INSERT INTO book (title, author_id) VALUES ('orphan', 99)");
          f.fail("orphan book insert succeeded: fk_book_author is missing");
        } catch (SQLException e) {
          f.check("orphan book insert error code", e.getErrorCode(), -691);
        }
        List<String> idx = new ArrayList<>();
        for (Map<String, String> r : Flow.rows(s.executeQuery(
            "SELECT i.idxname FROM sysindexes i, systables t WHERE t.tabid = i.tabid AND t.tabname = 'book' AND i.idxname = 'ix_book_title'")))
          idx.add(r.get("IDXNAME"));
        f.check("index ix_book_title", idx, List.of("ix_book_title"));
      }

      lb.rollback(2, (String) null);
      f.check("status after rollback-count 2: unrun", lb.listUnrunChangeSets(new Contexts(), new LabelExpression()).size(), 2);
      try (Connection c = f.connect(DB); Statement s = c.createStatement()) {
        var rs = s.executeQuery("SELECT COUNT(*) FROM book");
        rs.next();
        f.check("book rows after rollback", rs.getInt(1), 0);
        rs.close();
        try {
          s.executeQuery("SELECT isbn FROM book").close();
          f.fail("column isbn still exists after rollback");
        } catch (SQLException e) {
          f.check("isbn after rollback error code", e.getErrorCode(), -217);
        }
      }
    }
  }
}
