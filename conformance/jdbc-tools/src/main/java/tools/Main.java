// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Runner of the jdbc-tools oracle: Java tools used as their users use them, on IBM's
// Informix JDBC driver (a black box, java.sql only), against an Informix-compatible server.
//
// Usage: java -cp <classes>:<lib/*> tools.Main <host> <port> <flow>
//        java -cp ... tools.Main --list
// Prints one JSON line for the flow: {"flow", "ok", "detail", "values"}. The flow runs in a
// worker thread with a time limit (-Dflow.timeoutMs); on timeout the line says so and the
// JVM exits at once (the tools' own connections are not ours to close).

package tools;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

public final class Main {
  static final long TIMEOUT_MS = Long.getLong("flow.timeoutMs", 90_000L);

  interface Body {
    void run(Flow f) throws Exception;
  }

  static final Map<String, Body> FLOWS = new LinkedHashMap<>();

  static {
    FLOWS.put("metadata_product", MetadataFlow::product);
    FLOWS.put("metadata_tables_columns", MetadataFlow::tablesColumns);
    FLOWS.put("metadata_keys_indexes", MetadataFlow::keysIndexes);
    FLOWS.put("metadata_procedures_typeinfo", MetadataFlow::proceduresTypeInfo);
    FLOWS.put("flyway", FlywayFlow::run);
    FLOWS.put("liquibase", LiquibaseFlow::run);
    FLOWS.put("hibernate", HibernateFlow::run);
    FLOWS.put("hikari_spring", PoolFlow::run);
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 1 && args[0].equals("--list")) {
      for (String name : FLOWS.keySet()) System.out.println(name);
      return;
    }
    if (args.length != 3 || !FLOWS.containsKey(args[2])) {
      System.err.println("usage: tools.Main <host> <port> <flow> | --list; flows: " + FLOWS.keySet());
      System.exit(2);
    }
    Flow f = new Flow(args[2], args[0], Integer.parseInt(args[1]));
    ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "flow-" + args[2]);
      t.setDaemon(true);
      return t;
    });
    Future<?> done = pool.submit(() -> {
      f.body(FLOWS.get(args[2]));
      return null;
    });
    try {
      done.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.fail("timed out after " + TIMEOUT_MS + " ms; the flow's thread was at:\n" + Flow.stackOf(pool, done));
    }
    System.out.println(f.toJson());
    System.out.flush();
    System.exit(0);
  }
}
