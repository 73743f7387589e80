package io.camfleet.console.cli;

import io.camfleet.console.domain.availability.Availability;
import io.camfleet.console.domain.availability.Grouping;
import io.camfleet.console.domain.availability.Period;
import io.camfleet.console.service.common.Messages;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class AvailabilityTableTest {

    @Test
    void aCustomerNamedLikeAFormulaIsNeutralisedAndAnOverspentBudgetStaysANumber() {
        // 30 days observed (2,592,000 s) at 99.99 %: a budget of 259 s; 400 s down leaves -141 s.
        Availability a = new Availability(Grouping.CUSTOMER, "=HYPERLINK(\"http://x\",\"Acme\")",
                Period.month(YearMonth.of(2026, 11)), 2_592_000, 0, 400, List.of(), 2, 0, 99.99);
        StringWriter out = new StringWriter();
        AvailabilityTable.csv(List.of(a), new Messages(Locale.ENGLISH), new PrintWriter(out, true));
        String row = out.toString().lines().toList().get(1);
        assertThat(row).startsWith("\"'=HYPERLINK(\"\"http://x\"\",\"\"Acme\"\")\",");
        assertThat(row).contains(",400,2,-141,");
    }
}
