package io.camfleet.console.adapter.store;

import org.h2.jdbcx.JdbcConnectionPool;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The databases the store's tests run on: each store test class runs once on H2 (the cache file in a temporary
 * folder, as the console opens it) and once on PostgreSQL (see {@link PostgresCluster}).
 */
enum StoreEngine {
    H2 {
        @Override
        TestDatabase open(Path folder) {
            CacheDatabase db = CacheDatabase.open(folder, Clock.systemUTC());
            return new TestDatabase(db.dataSource(), db::close);
        }
    },
    POSTGRESQL {
        @Override
        TestDatabase open(Path folder) {
            JdbcConnectionPool pool = PostgresCluster.get().open(folder);
            return new TestDatabase(pool, pool::dispose);
        }
    };

    /** The migrated database of {@code folder}: new the first time, the same one when opened again. */
    abstract TestDatabase open(Path folder);

    /** An open test database; closing it keeps its data, as closing the cache keeps its file. */
    record TestDatabase(DataSource dataSource, Runnable closer) implements AutoCloseable {
        @Override
        public void close() {
            closer.run();
        }
    }
}
