package io.camfleet.console.service.runbooks;

import io.camfleet.console.domain.text.SecretRedaction;

import java.nio.charset.StandardCharsets;

/**
 * A camera's output as it is kept: secrets redacted as the log redacts them ({@link SecretRedaction}), then cut at the
 * runbook's output limit. Redacted first, so that a cut never leaves the visible half of a secret that the whole would
 * have matched.
 */
public final class RunbookOutput {

    private RunbookOutput() {
    }

    /**
     * @param limit the most bytes (UTF-8) kept; past it the text is cut at a character boundary and {@code cutNote}
     *              is appended (the caller's sentence, from the bundle)
     */
    public static String kept(String output, int limit, String cutNote) {
        String redacted = redact(output);
        byte[] bytes = redacted.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= limit) {
            return redacted;
        }
        int end = limit;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--; // back to the first byte of a character
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8) + cutNote;
    }

    /** {@code output} with every secret replaced; a private key printed over many lines goes whole. */
    public static String redact(String output) {
        return SecretRedaction.redact(output);
    }
}
