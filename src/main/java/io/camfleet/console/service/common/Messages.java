package io.camfleet.console.service.common;

import io.camfleet.console.domain.audit.AuditVerification;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * All user-facing text, from the one resource bundle {@code io/camfleet/console/messages.properties}.
 * Every text goes through {@link MessageFormat}, with or without arguments, so an apostrophe is always written
 * twice ({@code ''}).
 */
public final class Messages {

    public static final String BUNDLE = "io.camfleet.console.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    public Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale);
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public Locale locale() {
        return locale;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public String text(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    /** The sentence for a problem, in the user's language. */
    public String text(Problem problem) {
        return text(problem.key(), problem.args());
    }

    /** What an audit chain check found wrong, as one clause; empty when the chain is intact. */
    public String text(AuditVerification verification) {
        return verification.intact() ? ""
                : text("audit.finding." + verification.finding().name(), verification.findingArgs());
    }
}
