// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Flyway with its Informix database module, configured as its docs show (a JDBC URL, a
// location of versioned SQL migrations): migrate, info, validate, a second (no-op)
// migrate, then clean (cleanDisabled=false: clean is off by default since Flyway 9).
// Rows the migrations wrote are read back over plain JDBC.

package tools;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;

final class FlywayFlow {
  static final String DB = "cf_t_flyway";

  private FlywayFlow() {}

  static void run(Flow f) throws Exception {
    f.freshDatabase(DB, "WITH LOG");
    Flyway flyway = Flyway.configure()
        .dataSource(f.url(DB), Flow.USER, Flow.PASSWORD)
        .locations("classpath:db/flyway")
        .cleanDisabled(false)
        .load();
    f.record("database type", flyway.getConfiguration().getDataSource().getConnection().getMetaData().getDatabaseProductName());

    MigrateResult first = flyway.migrate();
    f.check("migrate: success", first.success, true);
    f.check("migrate: migrationsExecuted", first.migrationsExecuted, 3);
    f.check("migrate: targetSchemaVersion", first.targetSchemaVersion, "3");
    f.record("migrate: database", first.database);

    MigrationInfo[] all = flyway.info().all();
    List<String> states = new ArrayList<>();
    for (MigrationInfo m : all) states.add(m.getVersion() + ":" + m.getDescription() + ":" + m.getState().getDisplayName());
    // The database has no table owned by the user yet, so Flyway counts the schema as created by
    // it and records that first (as on IDS: InformixSchema.doExists counts systables rows).
    f.check("info: version:description:state", states, List.of("null:<< Flyway Schema Creation >>:Success",
        "1:create customer:Success", "2:create orders:Success", "3:seed:Success"));
    MigrationInfo current = flyway.info().current();
    f.check("info: current version", current == null ? null : current.getVersion().getVersion(), "3");
    f.check("info: pending", flyway.info().pending().length, 0);

    ValidateResult v = flyway.validateWithResult();
    f.check("validate: validationSuccessful", v.validationSuccessful, true);
    if (!v.validationSuccessful) f.record("validate: errors", v.getAllErrorMessages());

    MigrateResult second = flyway.migrate();
    f.check("second migrate: migrationsExecuted", second.migrationsExecuted, 0);
    f.check("second migrate: success", second.success, true);

    try (Connection c = f.connect(DB); Statement s = c.createStatement()) {
      List<String> customers = new ArrayList<>();
      for (Map<String, String> r : Flow.rows(s.executeQuery("SELECT id, name, created, credit FROM customer ORDER BY id")))
        customers.add(r.get("ID") + "|" + r.get("NAME") + "|" + r.get("CREATED") + "|" + r.get("CREDIT"));
      f.check("customer rows", customers, List.of("1|Alice|2026-01-15 10:30:00|1500.00", "2|Bob|2026-02-01 08:00:00|250.50"));
      List<String> orders = new ArrayList<>();
      for (Map<String, String> r : Flow.rows(s.executeQuery(
          "SELECT o.id, c.name, o.ordered_at, o.total FROM orders o, customer c WHERE c.id = o.customer_id")))
        orders.add(r.get("ID") + "|" + r.get("NAME") + "|" + r.get("ORDERED_AT") + "|" + r.get("TOTAL"));
      f.check("orders rows", orders, List.of("1|Alice|2026-03-01 12:00:00|99.95"));
      List<String> history = new ArrayList<>();
      for (Map<String, String> r : Flow.rows(s.executeQuery(
          "SELECT version, script, success FROM flyway_schema_history ORDER BY installed_rank")))
        history.add(r.get("VERSION") + "|" + r.get("SCRIPT") + "|" + r.get("SUCCESS"));
      f.check("flyway_schema_history", history, List.of("null|informix|1", "1|V1__create_customer.sql|1",
          "2|V2__create_orders.sql|1", "3|V3__seed.sql|1"));
      try {
        s.executeUpdate("INSERT INTO orders (customer_id, ordered_at, total) VALUES (99, CURRENT YEAR TO SECOND, 1)");
        f.fail("orphan order insert succeeded: the foreign key is missing");
      } catch (java.sql.SQLException e) {
        f.check("orphan order insert error code", e.getErrorCode(), -691);
      }
    }

    flyway.clean();
    try (Connection c = f.connect(DB); Statement s = c.createStatement()) {
      ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM systables WHERE tabid >= 100");
      rs.next();
      f.check("clean: user tables left", rs.getInt(1), 0);
      rs.close();
    }
    f.check("info after clean: pending", flyway.info().pending().length, 3);
  }
}
