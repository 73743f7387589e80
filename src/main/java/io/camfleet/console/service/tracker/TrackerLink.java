package io.camfleet.console.service.tracker;

import java.util.List;
import java.util.Objects;

/** Whether tickets can be pushed to a tracker, and with what; see {@link TrackerSettings#link}. */
public sealed interface TrackerLink {

    /**
     * No link: the local desk works on its own. Not an error; the sentence says what would make one.
     *
     * @param reasonKey the message key of that sentence, {@code jira.link.*}
     * @param args      its arguments (the environment variable to set)
     */
    record NotConfigured(String reasonKey, List<Object> args) implements TrackerLink {
        public NotConfigured(String reasonKey, Object... args) {
            this(reasonKey, List.of(args));
        }

        public NotConfigured {
            Objects.requireNonNull(reasonKey, "reasonKey");
            args = List.copyOf(args);
        }
    }

    /** Everything a tracker needs; the token prints as hidden. */
    record Configured(TrackerSettings settings, String email, ApiToken token) implements TrackerLink {
        public Configured {
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(token, "token");
        }
    }
}
