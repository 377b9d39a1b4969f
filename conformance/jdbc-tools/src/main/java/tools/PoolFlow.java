// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// HikariCP with Spring's JdbcTemplate and TransactionTemplate, configured as their docs show
// (a JDBC URL and a pool size; everything else default): the pool validates connections with
// Connection.isValid() (IBM JDBC sends SQ_VERSION), resets autocommit, isolation and
// read-only between borrowers, and Spring runs batches, queries and transactions through it.

package tools;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

final class PoolFlow {
  static final String DB = "cf_t_pool";

  private PoolFlow() {}

  static void run(Flow f) throws Exception {
    f.freshDatabase(DB, "WITH LOG");
    HikariConfig cfg = new HikariConfig();
    cfg.setJdbcUrl(f.url(DB));
    cfg.setMaximumPoolSize(4);
    cfg.setConnectionTimeout(10_000);
    cfg.setPoolName("informix");
    try (HikariDataSource ds = new HikariDataSource(cfg)) {
      JdbcTemplate jt = new JdbcTemplate(ds);
      jt.execute("CREATE TABLE acct (id SERIAL PRIMARY KEY, owner VARCHAR(40) NOT NULL, balance DECIMAL(12,2))");
      List<Object[]> rows = new ArrayList<>();
      for (int i = 1; i <= 20; i++) rows.add(new Object[] {"owner" + i, new java.math.BigDecimal(i + ".50")});
      int[][] counts = jt.batchUpdate("INSERT INTO acct (owner, balance) VALUES (?, ?)", rows, 8, (ps, r) -> {
        ps.setString(1, (String) r[0]);
        ps.setBigDecimal(2, (java.math.BigDecimal) r[1]);
      });
      f.check("batchUpdate: batches", counts.length, 3);
      f.check("count after batch", jt.queryForObject("SELECT COUNT(*) FROM acct", Integer.class), 20);
      f.check("queryForObject by key", jt.queryForObject("SELECT owner FROM acct WHERE id = ?", String.class, 7), "owner7");
      java.math.BigDecimal sum = jt.queryForObject("SELECT SUM(balance) FROM acct", java.math.BigDecimal.class);
      f.checkTrue("sum", sum.compareTo(new java.math.BigDecimal("220.00")) == 0, sum);

      TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
      tx.executeWithoutResult(s -> jt.update("UPDATE acct SET balance = balance - 10 WHERE id = ?", 1));
      try {
        tx.executeWithoutResult(s -> {
          jt.update("UPDATE acct SET balance = balance + 1000 WHERE id = ?", 2);
          throw new IllegalStateException("rollback, please");
        });
      } catch (IllegalStateException expected) {
        // the template rolled back and rethrew
      }
      f.check("committed transaction", jt.queryForObject("SELECT balance FROM acct WHERE id = 1", String.class), "-8.50");
      f.check("rolled-back transaction", jt.queryForObject("SELECT balance FROM acct WHERE id = 2", String.class), "2.50");
      tx.setReadOnly(true);
      f.check("read-only transaction", tx.execute(s -> jt.queryForObject("SELECT COUNT(*) FROM acct", Integer.class)), 20);

      // Eight workers share four connections; the pool validates each one it hands back out.
      ExecutorService workers = Executors.newFixedThreadPool(8);
      List<Future<Integer>> done = new ArrayList<>();
      for (int w = 0; w < 8; w++) {
        final int id = w % 20 + 1;
        done.add(workers.submit(() -> {
          int n = 0;
          for (int k = 0; k < 10; k++) n += jt.queryForObject("SELECT COUNT(*) FROM acct WHERE id = ?", Integer.class, id);
          return n;
        }));
      }
      int total = 0;
      for (Future<Integer> d : done) total += d.get();
      workers.shutdown();
      f.check("concurrent queries", total, 80);
      f.checkTrue("pool never exceeds its size", ds.getHikariPoolMXBean().getTotalConnections() <= 4,
          ds.getHikariPoolMXBean().getTotalConnections());
      try (java.sql.Connection c = ds.getConnection()) {
        f.check("a pooled connection is valid", c.isValid(5), true);
        f.check("autocommit restored after transactions", c.getAutoCommit(), true);
      }
    }
  }
}
