package io.camfleet.console.domain.backup;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Whether a configuration file is text, and its lines when it is. */
public final class ConfigText {

    private ConfigText() {
    }

    /** Bytes that are not UTF-8, or that hold a NUL, are binary: a line diff of them would mean nothing. */
    public static boolean binary(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return false;
        } catch (CharacterCodingException e) {
            return true;
        }
    }

    /**
     * The lines of a text file, without their line ends ({@code \n}, or {@code \r\n}); the end of the last line does
     * not start another one.
     */
    public static List<String> lines(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return List.of();
        }
        String[] lines = text.split("\r?\n", -1);
        int n = text.endsWith("\n") ? lines.length - 1 : lines.length;
        return List.copyOf(Arrays.asList(lines).subList(0, n));
    }
}
