package io.camfleet.console.service.terraform;

import io.camfleet.console.service.environments.Environment;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

/** Where Terraform states are read from: the S3 backend of an environment. */
public interface StateBucket {

    /** The state object, open for reading; its size and when it was last written. */
    record StateObject(InputStream body, long size, Instant lastModified) implements Closeable {
        @Override
        public void close() throws IOException {
            body.close();
        }
    }

    /**
     * Opens the state object at {@code where}, with {@code environment}'s profile (and region, unless the location
     * names its own).
     *
     * @throws io.camfleet.console.service.common.Problem naming the bucket and key when it cannot be read
     */
    StateObject open(Environment environment, StateLocation where);
}
