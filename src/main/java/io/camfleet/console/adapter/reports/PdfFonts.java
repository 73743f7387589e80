package io.camfleet.console.adapter.reports;

import com.lowagie.text.Chunk;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bundled fonts, each file read once per renderer, and text turned into phrases that pick a font per character:
 * DejaVu Sans for Latin, Greek, Cyrillic and Arabic, Droid Sans Fallback for Chinese, Japanese and Korean. Embedded
 * as subsets (Identity-H), so a PDF prints every name on any machine. System fonts are never read.
 */
final class PdfFonts {

    private static final String FOLDER = "/io/camfleet/console/adapter/reports/fonts/";

    private final BaseFont regular;
    private final BaseFont bold;
    /** 4 MB: read only when a document first holds a character DejaVu lacks. */
    private volatile BaseFont fallback;
    private final Map<FontKey, Font> fonts = new ConcurrentHashMap<>();

    /** BaseFont has no equals: the key compares it by identity, which is what is meant. */
    private record FontKey(BaseFont base, float size, int rgb) {
    }

    PdfFonts() {
        regular = load("DejaVuSans.ttf");
        bold = load("DejaVuSans-Bold.ttf");
    }

    BaseFont regular() {
        return regular;
    }

    BaseFont bold() {
        return bold;
    }

    /** A stretch of text printed in one font. */
    record Run(String text, BaseFont font) {
    }

    /** One phrase of {@code text}, in runs of the font that has each character. Plain text: nothing is markup. */
    Phrase phrase(String text, float size, boolean heavy, Color colour) {
        Phrase phrase = new Phrase(size * 1.3f);
        for (Run run : runs(text, heavy)) {
            phrase.add(new Chunk(run.text(), font(run.font(), size, colour)));
        }
        return phrase;
    }

    /** The text cut where the font that has its characters changes; one run for plain Latin text. */
    List<Run> runs(String text, boolean heavy) {
        BaseFont base = heavy ? bold : regular;
        if (plainLatin(text)) {
            return List.of(new Run(text, base));
        }
        List<Run> runs = new ArrayList<>(3);
        int start = 0;
        BaseFont run = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            BaseFont f = fontFor(cp, base);
            if (run != null && f != run) {
                runs.add(new Run(text.substring(start, i), run));
                start = i;
            }
            run = f;
            i += Character.charCount(cp);
        }
        if (start < text.length()) {
            runs.add(new Run(text.substring(start), run));
        }
        return runs;
    }

    /**
     * How a cell or paragraph holding {@code text} must be laid out: right to left when its first strong letter is
     * Arabic or Hebrew, left to right with the bidi algorithm (which also shapes Arabic) when it holds some, and the
     * plain fast way otherwise.
     */
    static int runDirection(String text) {
        boolean rtl = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x0590) {
                continue;
            }
            if (rightToLeft(c)) {
                rtl = true;
                break;
            }
        }
        if (!rtl) {
            return PdfWriter.RUN_DIRECTION_NO_BIDI;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (rightToLeft(c)) {
                return PdfWriter.RUN_DIRECTION_RTL;
            }
            if (Character.isLetter(c)) {
                return PdfWriter.RUN_DIRECTION_LTR;
            }
        }
        return PdfWriter.RUN_DIRECTION_RTL;
    }

    private static boolean rightToLeft(char c) {
        byte d = Character.getDirectionality(c);
        return d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
    }

    private static boolean plainLatin(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x0250) {
                return false;
            }
        }
        return true;
    }

    private BaseFont fontFor(int cp, BaseFont base) {
        if (cp < 0x0250 || Character.isWhitespace(cp) || base.charExists(cp)) {
            return base;
        }
        if (base != regular && regular.charExists(cp)) {
            return regular;
        }
        BaseFont cjk = fallback();
        return cjk.charExists(cp) ? cjk : base;
    }

    private BaseFont fallback() {
        BaseFont f = fallback;
        if (f == null) {
            synchronized (this) {
                f = fallback;
                if (f == null) {
                    f = load("DroidSansFallbackFull.ttf");
                    fallback = f;
                }
            }
        }
        return f;
    }

    Font font(BaseFont base, float size, Color colour) {
        return fonts.computeIfAbsent(new FontKey(base, size, colour.getRGB()),
                k -> new Font(base, size, Font.NORMAL, colour));
    }

    private static BaseFont load(String file) {
        try (InputStream in = PdfFonts.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("The bundled font " + file + " is missing from the application");
            }
            // not cached: BaseFont's cache is a static map, and this renderer keeps its own fonts
            return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (com.lowagie.text.DocumentException e) {
            throw new IllegalStateException("The bundled font " + file + " cannot be read", e);
        }
    }
}
