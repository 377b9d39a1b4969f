// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// A tour of java.sql.DatabaseMetaData as schema tools use it (the calls DBeaver, Liquibase's
// snapshot and Hibernate's schema validator make): product name/version, tables, columns,
// keys, indexes, procedures and type info, with schema and name patterns.

package tools;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

final class MetadataFlow {
  static final String DB = "cf_t_meta";

  private MetadataFlow() {}

  /** A small schema with every kind of object the tour looks at. */
  static Connection schema(Flow f) throws Exception {
    f.freshDatabase(DB, "WITH LOG");
    Connection c = f.connect(DB);
    try (Statement s = c.createStatement()) {
      s.executeUpdate("CREATE TABLE mt_parent (id SERIAL NOT NULL, name VARCHAR(40) NOT NULL, "
          + "created DATETIME YEAR TO SECOND, PRIMARY KEY (id) CONSTRAINT pk_mt_parent)");
      s.executeUpdate("CREATE TABLE mt_child (id INTEGER NOT NULL, parent_id INTEGER, amount DECIMAL(10,2), "
          + "note CHAR(10), PRIMARY KEY (id) CONSTRAINT pk_mt_child, "
          + "FOREIGN KEY (parent_id) REFERENCES mt_parent (id) CONSTRAINT fk_mt_child_parent)");
      s.executeUpdate("CREATE INDEX ix_mt_child_amount ON mt_child (amount, note)");
      s.executeUpdate("CREATE UNIQUE INDEX ux_mt_parent_name ON mt_parent (name)");
      s.executeUpdate("CREATE VIEW mt_view AS SELECT id, name FROM mt_parent");
    }
    return c;
  }

  static void product(Flow f) throws Exception {
    try (Connection c = f.connect("sysmaster")) {
      DatabaseMetaData md = c.getMetaData();
      String name = md.getDatabaseProductName();
      String version = md.getDatabaseProductVersion();
      f.record("productName", name);
      f.record("productVersion", version);
      // Hibernate (CommunityDatabase.INFORMIX), Flyway (InformixDatabaseType) and Liquibase
      // (InformixDatabase) all recognise the server by a product name starting "Informix".
      f.check("productName", name, "Informix Dynamic Server");
      // IDS versions read e.g. "14.10.FC10": major.minor, then the platform/level code.
      f.checkTrue("productVersion looks like IDS (nn.nn.xxx)", version != null && version.matches("\\d+\\.\\d+\\.[0-9A-Z.]+"), version);
      f.checkTrue("major version >= 12", md.getDatabaseMajorVersion() >= 12, md.getDatabaseMajorVersion());
      f.record("minorVersion", md.getDatabaseMinorVersion());
      f.record("driverName", md.getDriverName());
      f.record("userName", md.getUserName());
      f.record("supportsTransactions", md.supportsTransactions());
      f.record("identifierQuoteString", md.getIdentifierQuoteString());
      f.record("catalogSeparator", md.getCatalogSeparator());
    }
  }

  static void tablesColumns(Flow f) throws Exception {
    try (Connection c = schema(f)) {
      DatabaseMetaData md = c.getMetaData();
      List<Map<String, String>> t = Flow.rows(md.getTables(null, null, "mt_%", new String[] {"TABLE"}));
      List<String> names = new ArrayList<>();
      for (Map<String, String> r : t) names.add(r.get("TABLE_NAME"));
      f.check("getTables(mt_%, TABLE) names", names, List.of("mt_child", "mt_parent"));
      if (!t.isEmpty()) {
        f.check("getTables TABLE_CAT", t.get(0).get("TABLE_CAT"), DB);
        f.check("getTables TABLE_SCHEM", t.get(0).get("TABLE_SCHEM"), "informix");
        f.check("getTables TABLE_TYPE", t.get(0).get("TABLE_TYPE"), "TABLE");
      }
      List<Map<String, String>> v = Flow.rows(md.getTables(null, "informix", "mt_v%", new String[] {"VIEW"}));
      f.check("getTables(informix, mt_v%, VIEW) rows", v.size(), 1);
      if (!v.isEmpty()) f.check("getTables VIEW TABLE_TYPE", v.get(0).get("TABLE_TYPE"), "VIEW");
      List<Map<String, String>> none = Flow.rows(md.getTables(null, "nobody", "mt_%", null));
      f.check("getTables(schema nobody) rows", none.size(), 0);
      List<Map<String, String>> sys = Flow.rows(md.getTables(null, null, "sys%", new String[] {"SYSTEM TABLE"}));
      List<String> sysNames = new ArrayList<>();
      for (Map<String, String> r : sys) sysNames.add(r.get("TABLE_NAME"));
      f.checkTrue("getTables(sys%, SYSTEM TABLE) has systables, syscolumns",
          sysNames.contains("systables") && sysNames.contains("syscolumns"), sysNames);
      List<Map<String, String>> tabs = Flow.rows(md.getTables(null, null, "%", new String[] {"TABLE"}));
      f.check("getTables(%, TABLE) rows (user tables only)", tabs.size(), 2);

      List<Map<String, String>> cols = Flow.rows(md.getColumns(null, "informix", "mt_child", "%"));
      List<String> colNames = new ArrayList<>();
      for (Map<String, String> r : cols) colNames.add(r.get("COLUMN_NAME") + ":" + r.get("DATA_TYPE") + ":" + r.get("TYPE_NAME")
          + ":" + r.get("COLUMN_SIZE") + ":" + r.get("DECIMAL_DIGITS") + ":" + r.get("NULLABLE") + ":" + r.get("ORDINAL_POSITION"));
      // IBM JDBC spells TYPE_NAME in lower case, and DECIMAL_DIGITS of a CHAR as 0.
      f.check("getColumns(mt_child) name:type:typename:size:digits:nullable:pos", colNames, List.of(
          "id:" + Types.INTEGER + ":integer:10:0:0:1",
          "parent_id:" + Types.INTEGER + ":integer:10:0:1:2",
          "amount:" + Types.DECIMAL + ":decimal:10:2:1:3",
          "note:" + Types.CHAR + ":char:10:0:1:4"));
      List<Map<String, String>> pc = Flow.rows(md.getColumns(null, null, "mt_parent", "c%"));
      f.check("getColumns(mt_parent, c%) rows", pc.size(), 1);
      if (pc.size() == 1) {
        f.check("getColumns created DATA_TYPE", pc.get(0).get("DATA_TYPE"), String.valueOf(Types.TIMESTAMP));
        // IBM JDBC spells the qualifier out itself from the encoded collength that the server's
        // informix.schema_precision() returns for DATETIME/INTERVAL.
        f.check("getColumns created TYPE_NAME", pc.get(0).get("TYPE_NAME"), "datetime year to second");
        f.record("getColumns created COLUMN_SIZE", pc.get(0).get("COLUMN_SIZE"));
      }
      List<Map<String, String>> idc = Flow.rows(md.getColumns(null, null, "mt_parent", "id"));
      if (idc.size() == 1) {
        f.record("getColumns SERIAL TYPE_NAME", idc.get(0).get("TYPE_NAME"));
        f.check("getColumns SERIAL IS_AUTOINCREMENT", idc.get(0).get("IS_AUTOINCREMENT"), "YES");
      } else {
        f.fail("getColumns(mt_parent, id) rows: " + idc.size());
      }
    }
  }

  static void keysIndexes(Flow f) throws Exception {
    try (Connection c = schema(f)) {
      DatabaseMetaData md = c.getMetaData();
      List<Map<String, String>> pk = Flow.rows(md.getPrimaryKeys(null, null, "mt_parent"));
      f.check("getPrimaryKeys(mt_parent) rows", pk.size(), 1);
      if (pk.size() == 1) {
        f.check("PK COLUMN_NAME", pk.get(0).get("COLUMN_NAME"), "id");
        f.check("PK KEY_SEQ", pk.get(0).get("KEY_SEQ"), "1");
        f.check("PK PK_NAME", pk.get(0).get("PK_NAME"), "pk_mt_parent");
        f.check("PK TABLE_SCHEM", pk.get(0).get("TABLE_SCHEM"), "informix");
      }
      List<Map<String, String>> imp = Flow.rows(md.getImportedKeys(null, null, "mt_child"));
      f.check("getImportedKeys(mt_child) rows", imp.size(), 1);
      if (imp.size() == 1) {
        Map<String, String> r = imp.get(0);
        f.check("FK PKTABLE_NAME", r.get("PKTABLE_NAME"), "mt_parent");
        f.check("FK PKCOLUMN_NAME", r.get("PKCOLUMN_NAME"), "id");
        f.check("FK FKTABLE_NAME", r.get("FKTABLE_NAME"), "mt_child");
        f.check("FK FKCOLUMN_NAME", r.get("FKCOLUMN_NAME"), "parent_id");
        f.check("FK FK_NAME", r.get("FK_NAME"), "fk_mt_child_parent");
        f.check("FK PK_NAME", r.get("PK_NAME"), "pk_mt_parent");
        f.check("FK KEY_SEQ", r.get("KEY_SEQ"), "1");
      }
      List<Map<String, String>> exp = Flow.rows(md.getExportedKeys(null, "informix", "mt_parent"));
      f.check("getExportedKeys(mt_parent) rows", exp.size(), 1);
      if (exp.size() == 1) {
        f.check("exported FKTABLE_NAME", exp.get(0).get("FKTABLE_NAME"), "mt_child");
        f.check("exported FK_NAME", exp.get(0).get("FK_NAME"), "fk_mt_child_parent");
      }
      f.check("getExportedKeys(mt_child) rows", Flow.rows(md.getExportedKeys(null, null, "mt_child")).size(), 0);

      List<Map<String, String>> ix = Flow.rows(md.getIndexInfo(null, null, "mt_child", false, false));
      List<String> got = new ArrayList<>();
      for (Map<String, String> r : ix) {
        if (r.get("INDEX_NAME") == null) continue; // the statistics row, if any
        got.add(r.get("INDEX_NAME") + ":" + r.get("NON_UNIQUE") + ":" + r.get("ORDINAL_POSITION") + ":" + r.get("COLUMN_NAME"));
      }
      f.record("getIndexInfo(mt_child)", got);
      f.checkTrue("getIndexInfo(mt_child) has ix_mt_child_amount (amount, note), non-unique",
          got.contains("ix_mt_child_amount:1:1:amount") && got.contains("ix_mt_child_amount:1:2:note"), got);
      // IDS indexes every foreign key: its system-named index (" <tabid>_<constrid>") is listed too.
      boolean fkIndex = false;
      for (String g : got) if (g.endsWith(":1:1:parent_id")) fkIndex = true;
      f.checkTrue("getIndexInfo(mt_child) has the foreign key's index on parent_id", fkIndex, got);
      boolean pkIndex = false;
      for (String g : got) if (g.endsWith(":0:1:id")) pkIndex = true;
      f.checkTrue("getIndexInfo(mt_child) has the primary key's unique index on id", pkIndex, got);
      List<Map<String, String>> ux = Flow.rows(md.getIndexInfo(null, null, "mt_parent", true, false));
      List<String> uniq = new ArrayList<>();
      for (Map<String, String> r : ux) if (r.get("INDEX_NAME") != null) uniq.add(r.get("INDEX_NAME") + ":" + r.get("COLUMN_NAME"));
      f.checkTrue("getIndexInfo(mt_parent, unique) has ux_mt_parent_name:name", uniq.contains("ux_mt_parent_name:name"), uniq);
    }
  }

  static void proceduresTypeInfo(Flow f) throws Exception {
    try (Connection c = f.connect("sysmaster")) {
      DatabaseMetaData md = c.getMetaData();
      ResultSet rs = md.getProcedures(null, null, "%");
      List<String> labels = new ArrayList<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) labels.add(rs.getMetaData().getColumnLabel(i).toUpperCase());
      List<Map<String, String>> procs = Flow.rows(rs);
      f.record("getProcedures(%) rows", procs.size());
      f.checkTrue("getProcedures columns per JDBC", labels.containsAll(List.of("PROCEDURE_CAT", "PROCEDURE_SCHEM",
          "PROCEDURE_NAME", "REMARKS", "PROCEDURE_TYPE")), labels);
      f.check("getProcedures(no_such_routine%) rows", Flow.rows(md.getProcedures(null, null, "no_such_routine%")).size(), 0);

      List<Map<String, String>> ti = Flow.rows(md.getTypeInfo());
      List<String> types = new ArrayList<>();
      for (Map<String, String> r : ti) types.add(r.get("TYPE_NAME") + ":" + r.get("DATA_TYPE"));
      f.record("getTypeInfo", types);
      for (String want : List.of("integer:4", "smallint:5", "int8:-5", "serial:4", "serial8:-5",
          "bigserial:-5", "decimal:3", "char:1", "varchar:12", "lvarchar:-1", "date:91", "boolean:16")) {
        f.checkTrue("getTypeInfo has " + want, types.contains(want), types);
      }
    }
  }
}
