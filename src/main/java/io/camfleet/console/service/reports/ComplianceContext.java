package io.camfleet.console.service.reports;

import io.camfleet.console.domain.reports.Block;
import io.camfleet.console.domain.reports.Column;
import io.camfleet.console.domain.reports.Fact;
import io.camfleet.console.domain.reports.Section;
import io.camfleet.console.domain.reports.Table;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.fleet.FleetInventory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * One compliance report being built: its period (whole UTC days), the fleet as read once for every section, and the
 * words. The sections' small shared shapes live here too, so that each section reads as what it says.
 *
 * @param start the period's first instant (midnight UTC of {@code from})
 * @param end   the first instant after the period (midnight UTC after {@code to})
 */
record ComplianceContext(Messages m, LocalDate from, LocalDate to, Instant start, Instant end, Instant now,
                         FleetInventory fleet) {

    static ComplianceContext of(Messages m, LocalDate from, LocalDate to, Instant now, FleetInventory fleet) {
        return new ComplianceContext(m, from, to, from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), now, fleet);
    }

    String t(String key, Object... args) {
        return m.text(key, args);
    }

    boolean inPeriod(Instant at) {
        return at != null && !at.isBefore(start) && at.isBefore(end);
    }

    String yes(boolean value) {
        return t(value ? "report.compliance.yes" : "report.compliance.no");
    }

    Column text(String key) {
        return Column.text(t(key));
    }

    Column integer(String key) {
        return Column.integer(t(key));
    }

    Column percent(String key) {
        return Column.percent(t(key));
    }

    Column date(String key) {
        return Column.date(t(key));
    }

    Column dateTime(String key) {
        return Column.dateTime(t(key));
    }

    Fact fact(String key, Object value) {
        return new Fact(t(key), String.valueOf(value));
    }

    /** Rows made from {@code items} each time they are iterated: nothing is copied, whatever the size. */
    static <T> Iterable<List<Object>> rows(Collection<T> items, Function<T, List<Object>> row) {
        return () -> items.stream().map(row).iterator();
    }

    /** A row that may hold nulls (an empty cell), as {@link List#of} may not. */
    static List<Object> row(Object... values) {
        return java.util.Arrays.asList(values);
    }

    /**
     * A section of the report: its title, what it covers, its headline (facts or a verdict), then its tables; when
     * {@code gap} is not null the source is not configured, and the sentence saying so comes before the (empty)
     * tables, so that an auditor sees the gap.
     */
    Section section(String titleKey, String aboutKey, String gap, List<Block> headline, List<Table> tables) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Paragraph(t(aboutKey)));
        if (gap != null) {
            blocks.add(new Block.Paragraph(gap));
        }
        blocks.addAll(headline);
        tables.forEach(table -> blocks.add(new Block.TableBlock(table)));
        return new Section(t(titleKey), blocks, true);
    }
}
