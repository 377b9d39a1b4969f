-- SPDX-License-Identifier: MIT
CREATE TABLE customer (
  id SERIAL NOT NULL PRIMARY KEY,
  name VARCHAR(60) NOT NULL,
  created DATETIME YEAR TO SECOND DEFAULT CURRENT YEAR TO SECOND NOT NULL,
  credit DECIMAL(12,2)
);
CREATE INDEX ix_customer_name ON customer (name);
