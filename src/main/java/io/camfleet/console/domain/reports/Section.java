package io.camfleet.console.domain.reports;

import java.util.List;
import java.util.Objects;

/**
 * A section of a report: a heading in the table of contents and a bookmark in the PDF, starting on a new page.
 *
 * @param csv whether each of its tables is also exported as a CSV file (the compliance report's sections are)
 */
public record Section(String title, List<Block> blocks, boolean csv) {

    public Section {
        Objects.requireNonNull(title, "title");
        blocks = List.copyOf(blocks);
    }

    public Section(String title, List<Block> blocks) {
        this(title, blocks, false);
    }

    /** Its tables, in order. */
    public List<Table> tables() {
        return blocks.stream().filter(b -> b instanceof Block.TableBlock).map(b -> ((Block.TableBlock) b).table())
                .toList();
    }
}
