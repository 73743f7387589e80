package io.camfleet.console.adapter.store;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGConnectionPoolDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster from the machine's own binaries ({@code initdb}, {@code pg_ctl}), in a temporary
 * folder, on a free loopback port; started once per test JVM, stopped when it exits. The schema is migrated by Flyway
 * once, into a template; each test folder gets a database of its own copied from it (the same folder reopened gets
 * the same database, as a reopened cache file would).
 *
 * <p>Without PostgreSQL the tests fail on CI ({@code CI=true}) and are skipped elsewhere with one loud line, never
 * silently. PostgreSQL refuses to run as root: as root the cluster runs as the {@code postgres} user that Debian's
 * package creates.
 */
final class PostgresCluster {

    static final String INSTALL = "apt-get install postgresql";
    private static final String USER = "camfleet";
    private static final String TEMPLATE = "camfleet_template";

    private static PostgresCluster started;
    private static String unavailable;

    private final Path home;
    private final Path bin;
    private final int port;
    private final Map<Path, String> databases = new HashMap<>();

    private PostgresCluster(Path home, Path bin, int port) {
        this.home = home;
        this.bin = bin;
        this.port = port;
    }

    /** The cluster of this test JVM, started on first use; fails (CI) or skips the test when there is none. */
    static synchronized PostgresCluster get() {
        if (started == null && unavailable == null) {
            Optional<Path> bin = binaries();
            if (bin.isEmpty()) {
                unavailable = "PostgreSQL is not installed (no initdb and pg_ctl): install it with " + INSTALL;
                if (!ci()) {
                    System.err.println("!!! SKIPPED the store tests on PostgreSQL: " + unavailable + " !!!");
                }
            } else {
                started = start(bin.get());
            }
        }
        if (started == null) {
            if (ci()) {
                throw new IllegalStateException(unavailable);
            }
            Assumptions.abort(unavailable);
        }
        return started;
    }

    private static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** initdb and pg_ctl on the PATH, or in Debian's /usr/lib/postgresql/VERSION/bin, the newest version first. */
    private static Optional<Path> binaries() {
        List<Path> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir));
            }
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.map(v -> v.resolve("bin"))
                        .sorted(Comparator.comparing((Path p) -> version(p.getParent())).reversed())
                        .forEach(candidates::add);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return candidates.stream()
                .filter(d -> Files.isExecutable(d.resolve("initdb")) && Files.isExecutable(d.resolve("pg_ctl")))
                .map(PostgresCluster::real)
                .findFirst();
    }

    private static int version(Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The folder of the real binaries (/usr/local/bin/initdb may be a link into Debian's folder). */
    private static Path real(Path dir) {
        try {
            return dir.resolve("initdb").toRealPath().getParent();
        } catch (IOException e) {
            return dir;
        }
    }

    private static PostgresCluster start(Path bin) {
        try {
            Path home = Files.createTempDirectory("camfleet-postgres");
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                run(List.of("chown", "postgres", home.toString()));
            }
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            PostgresCluster cluster = new PostgresCluster(home, bin, port);
            // fsync off: a cluster that lives for one test run; no test pulls its power, and it makes each
            // database a test copies from the template cheap.
            cluster.asOwner(List.of(bin.resolve("initdb").toString(), "-D", cluster.data(), "-U", USER,
                    "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"));
            cluster.asOwner(List.of(bin.resolve("pg_ctl").toString(), "start", "-w", "-t", "60", "-D",
                    cluster.data(), "-l", home.resolve("server.log").toString(), "-o",
                    "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off"));
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "postgres-stop"));
            cluster.migrateTemplate();
            return cluster;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    private String data() {
        return home.resolve("data").toString();
    }

    /** Runs a PostgreSQL program as the cluster's owner: this user, or postgres when this is root. */
    private void asOwner(List<String> command) throws IOException {
        List<String> full = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full);
    }

    private static void run(List<String> command) throws IOException {
        Path out = Files.createTempFile("postgres-command", ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish within 120 s");
            }
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited " + p.exitValue() + ": "
                        + Files.readString(out, StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private void migrateTemplate() throws SQLException {
        admin("CREATE DATABASE " + TEMPLATE);
        PGSimpleDataSource ds = source(TEMPLATE);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    }

    private PGSimpleDataSource source(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"127.0.0.1"});
        ds.setPortNumbers(new int[] {port});
        ds.setDatabaseName(database);
        ds.setUser(USER);
        return ds;
    }

    private void admin(String sql) throws SQLException {
        try (Connection c = source("postgres").getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /**
     * The migrated database of {@code folder}, new the first time: connections from a pool, as the cache's are.
     * Closing the pool keeps the database, so that the folder can be opened again.
     */
    synchronized JdbcConnectionPool open(Path folder) {
        String name = databases.get(folder);
        if (name == null) {
            name = "t" + (databases.size() + 1);
            try {
                admin("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            databases.put(folder, name);
        }
        PGConnectionPoolDataSource pooled = new PGConnectionPoolDataSource();
        pooled.setServerNames(new String[] {"127.0.0.1"});
        pooled.setPortNumbers(new int[] {port});
        pooled.setDatabaseName(name);
        pooled.setUser(USER);
        JdbcConnectionPool pool = JdbcConnectionPool.create(pooled);
        pool.setMaxConnections(8);
        return pool;
    }

    private void stop() {
        try {
            asOwner(List.of(bin.resolve("pg_ctl").toString(), "stop", "-D", data(), "-m", "immediate"));
        } catch (IOException e) {
            System.err.println("PostgreSQL test cluster did not stop: " + e.getMessage());
        }
        try (Stream<Path> all = Files.walk(home)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is not worth failing the run for
        }
    }
}
