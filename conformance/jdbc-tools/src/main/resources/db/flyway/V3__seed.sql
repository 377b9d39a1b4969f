-- SPDX-License-Identifier: MIT
INSERT INTO customer (id, name, created, credit) VALUES (0, 'Alice', DATETIME(2026-01-15 10:30:00) YEAR TO SECOND, 1500.00);
INSERT INTO customer (name, created, credit) VALUES ('Bob', '2026-02-01 08:00:00', 250.50);
INSERT INTO orders (customer_id, ordered_at, total) VALUES (1, DATETIME(2026-03-01 12:00:00) YEAR TO SECOND, 99.95);
