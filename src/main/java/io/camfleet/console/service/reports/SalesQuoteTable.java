package io.camfleet.console.service.reports;

import io.camfleet.console.domain.reports.Column;
import io.camfleet.console.domain.reports.Quote;
import io.camfleet.console.domain.reports.QuoteLine;
import io.camfleet.console.domain.reports.Table;
import io.camfleet.console.service.common.Messages;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A quote as the table printed in the proposal and written as the "quote" sheet of its XLSX. */
final class SalesQuoteTable {

    private SalesQuoteTable() {
    }

    /** One row per line, then the total row; money stays BigDecimal so that the sheet's cells are numbers. */
    static Table of(Quote quote, Messages m) {
        List<List<Object>> rows = new ArrayList<>();
        for (QuoteLine l : quote.lines()) {
            rows.add(Arrays.asList(l.item(), l.quantity(), (long) l.months(), l.unitPrice(), l.gross(),
                    l.discountPercent().doubleValue(), l.discount(), l.total()));
        }
        rows.add(Arrays.asList(m.text("report.sales.quote.total"), null, null, null, quote.subtotal(), null,
                quote.discounts(), quote.total()));
        String code = quote.currency().getCurrencyCode();
        return new Table("quote", List.of(Column.text(m.text("report.sales.quote.item")),
                Column.integer(m.text("report.sales.quote.quantity")),
                Column.integer(m.text("report.sales.quote.months")),
                Column.money(m.text("report.sales.quote.unitPrice", code)),
                Column.money(m.text("report.sales.quote.gross", code)),
                Column.percent(m.text("report.sales.quote.discountPercent")),
                Column.money(m.text("report.sales.quote.discount", code)),
                Column.money(m.text("report.sales.quote.lineTotal", code))), rows,
                m.text("report.sales.quote.summary", code, money(quote, quote.total()), quote.termMonths()));
    }

    /** An amount as printed in running text: the currency code and the amount to its minor unit ("EUR 1,234.50"). */
    static String money(Quote quote, BigDecimal amount) {
        int digits = quote.currency().getDefaultFractionDigits();
        return String.format(Locale.ROOT, "%s %,." + digits + "f", quote.currency().getCurrencyCode(), amount);
    }
}
