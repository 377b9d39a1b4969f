-- SPDX-License-Identifier: MIT
CREATE TABLE orders (
  id SERIAL NOT NULL,
  customer_id INTEGER NOT NULL,
  ordered_at DATETIME YEAR TO SECOND NOT NULL,
  total DECIMAL(12,2) NOT NULL,
  PRIMARY KEY (id) CONSTRAINT pk_orders,
  FOREIGN KEY (customer_id) REFERENCES customer (id) CONSTRAINT fk_orders_customer
);
CREATE INDEX ix_orders_date ON orders (ordered_at);
