// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Hibernate ORM 6 with the community InformixDialect, which it picks by itself from the
// connection's product name/version (no hibernate.dialect set). Schema generation
// (hbm2ddl create), persist with IDENTITY keys (read back through getGeneratedKeys), find,
// JPQL with paging, update, delete, and a rolled-back transaction.

package tools;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.cfg.Configuration;
import org.hibernate.engine.spi.SessionFactoryImplementor;

final class HibernateFlow {
  static final String DB = "cf_t_hibernate";

  private HibernateFlow() {}

  @Entity(name = "Author")
  @Table(name = "hb_author")
  public static class Author {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, length = 80)
    String name;

    LocalDate born;

    public Author() {}

    Author(String name, LocalDate born) {
      this.name = name;
      this.born = born;
    }
  }

  @Entity(name = "Book")
  @Table(name = "hb_book")
  public static class Book {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Integer id;

    @Column(nullable = false, length = 120)
    String title;

    @Column(precision = 10, scale = 2)
    BigDecimal price;

    LocalDateTime published;

    boolean available;

    @ManyToOne(optional = false)
    Author author;

    public Book() {}

    Book(String title, String price, LocalDateTime published, Author author) {
      this.title = title;
      this.price = new BigDecimal(price);
      this.published = published;
      this.available = true;
      this.author = author;
    }
  }

  static void run(Flow f) throws Exception {
    f.freshDatabase(DB, "WITH LOG");
    Configuration cfg = new Configuration()
        .setProperty("hibernate.connection.url", f.url(DB))
        .setProperty("hibernate.connection.username", Flow.USER)
        .setProperty("hibernate.connection.password", Flow.PASSWORD)
        .setProperty("hibernate.hbm2ddl.auto", "create")
        .addAnnotatedClass(Author.class)
        .addAnnotatedClass(Book.class);
    try (SessionFactory sf = cfg.buildSessionFactory()) {
      String dialect = sf.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect().getClass().getName();
      f.check("dialect", dialect, "org.hibernate.community.dialect.InformixDialect");

      Long adaId;
      Integer firstBook;
      try (Session s = sf.openSession()) {
        Transaction tx = s.beginTransaction();
        Author ada = new Author("Ada", LocalDate.of(1815, 12, 10));
        Author alan = new Author("Alan", LocalDate.of(1912, 6, 23));
        s.persist(ada);
        s.persist(alan);
        List<Book> books = List.of(
            new Book("Notes", "12.50", LocalDateTime.of(1843, 9, 1, 10, 0, 0), ada),
            new Book("Computable Numbers", "30.00", LocalDateTime.of(1936, 11, 12, 9, 30, 15), alan),
            new Book("Intelligence", "25.75", LocalDateTime.of(1950, 10, 1, 0, 0, 0), alan),
            new Book("Engines", "8.00", LocalDateTime.of(1842, 1, 2, 3, 4, 5), ada));
        for (Book b : books) s.persist(b);
        tx.commit();
        f.checkTrue("identity keys generated", ada.id != null && alan.id != null && !ada.id.equals(alan.id), ada.id + "," + alan.id);
        List<Integer> ids = new ArrayList<>();
        for (Book b : books) ids.add(b.id);
        f.checkTrue("book identity keys distinct and increasing", ids.stream().allMatch(i -> i != null)
            && ids.get(0) < ids.get(1) && ids.get(1) < ids.get(2) && ids.get(2) < ids.get(3), ids);
        adaId = ada.id;
        firstBook = books.get(0).id;
      }

      try (Session s = sf.openSession()) {
        Book b = s.find(Book.class, firstBook);
        f.check("find: title", b == null ? null : b.title, "Notes");
        f.check("find: price", b == null ? null : b.price, new BigDecimal("12.50"));
        f.check("find: published", b == null ? null : b.published, LocalDateTime.of(1843, 9, 1, 10, 0, 0));
        f.check("find: author", b == null ? null : b.author.name, "Ada");
        f.check("find: author born", b == null ? null : b.author.born, LocalDate.of(1815, 12, 10));
        f.check("find: available", b == null ? null : b.available, true);

        List<String> page = new ArrayList<>();
        for (Book x : s.createQuery("select b from Book b where b.price > :p order by b.title", Book.class)
            .setParameter("p", new BigDecimal("10"))
            .setFirstResult(1)
            .setMaxResults(2)
            .getResultList()) page.add(x.title);
        f.check("JPQL page (offset 1, 2 rows)", page, List.of("Intelligence", "Notes"));
        Long count = s.createQuery("select count(b) from Book b where b.author.name = :n", Long.class)
            .setParameter("n", "Alan").getSingleResult();
        f.check("JPQL count", count, 2L);
        BigDecimal sum = s.createQuery("select sum(b.price) from Book b", BigDecimal.class).getSingleResult();
        f.check("JPQL sum", sum == null ? null : sum.stripTrailingZeros(), new BigDecimal("76.25"));
        List<String> like = s.createQuery("select b.title from Book b where b.title like 'En%'", String.class).getResultList();
        f.check("JPQL like", like, List.of("Engines"));
      }

      try (Session s = sf.openSession()) {
        Transaction tx = s.beginTransaction();
        Book b = s.find(Book.class, firstBook);
        b.price = new BigDecimal("13.00");
        b.available = false;
        int bulk = s.createMutationQuery("update Book b set b.price = b.price + 1 where b.author.id = :a and b.id <> :b")
            .setParameter("a", adaId).setParameter("b", firstBook).executeUpdate();
        f.check("JPQL bulk update count", bulk, 1);
        tx.commit();
      }
      try (Session s = sf.openSession()) {
        Book b = s.find(Book.class, firstBook);
        f.check("after update: price", b.price, new BigDecimal("13.00"));
        f.check("after update: available", b.available, false);
        Transaction tx = s.beginTransaction();
        s.remove(b);
        tx.commit();
      }
      try (Session s = sf.openSession()) {
        f.check("after delete: find", s.find(Book.class, firstBook), null);
        Transaction tx = s.beginTransaction();
        s.persist(new Book("Never", "1.00", LocalDateTime.of(2000, 1, 1, 0, 0, 0), s.find(Author.class, adaId)));
        s.flush();
        tx.rollback();
      }
      try (Session s = sf.openSession()) {
        List<String> titles = s.createQuery("select b.title from Book b order by b.id", String.class).getResultList();
        f.check("titles after delete and rollback", titles, List.of("Computable Numbers", "Intelligence", "Engines"));
        BigDecimal engines = s.createQuery("select b.price from Book b where b.title = 'Engines'", BigDecimal.class).getSingleResult();
        f.check("bulk-updated price", engines, new BigDecimal("9.00"));
      }
    }
  }
}
