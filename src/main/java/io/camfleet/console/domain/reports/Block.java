package io.camfleet.console.domain.reports;

import java.util.List;
import java.util.Objects;

/** What a section of a report holds, in order. */
public sealed interface Block {

    /** Running text; a blank line starts a new paragraph. Plain text, never markup. */
    record Paragraph(String text) implements Block {
        public Paragraph {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Label and value pairs, printed as a two-column box ("Sites 1,204"). */
    record Facts(List<Fact> facts) implements Block {
        public Facts {
            facts = List.copyOf(facts);
        }
    }

    /** A table; see {@link Table}. */
    record TableBlock(Table table) implements Block {
        public TableBlock {
            Objects.requireNonNull(table, "table");
        }
    }

    /** A PNG picture (the coverage map, a chart) across the text width, with its caption under it. */
    record Picture(byte[] png, String caption) implements Block {
        public Picture {
            Objects.requireNonNull(png, "png");
            caption = caption == null ? "" : caption;
        }
    }

    /** A result that must stand out: passed (green) or failed (red), with its sentence. */
    record Verdict(boolean passed, String text) implements Block {
        public Verdict {
            Objects.requireNonNull(text, "text");
        }
    }
}
