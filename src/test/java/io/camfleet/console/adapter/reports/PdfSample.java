package io.camfleet.console.adapter.reports;

import io.camfleet.console.domain.reports.Block;
import io.camfleet.console.domain.reports.Branding;
import io.camfleet.console.domain.reports.Column;
import io.camfleet.console.domain.reports.Cover;
import io.camfleet.console.domain.reports.Fact;
import io.camfleet.console.domain.reports.ReportDocument;
import io.camfleet.console.domain.reports.Section;
import io.camfleet.console.domain.reports.Table;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntFunction;

/** Documents for the PDF tests: a realistic sales-shaped report with every kind of block, and generated tables. */
final class PdfSample {

    static final String[] SITES = {"Zoë Ñúñez Depot", "北京站", "東京カメラ", "دبي", "Kraków Główny", "Αθήνα Port"};

    private PdfSample() {
    }

    /** Cover with a logo, five sections: text, facts, a verdict of each colour, a picture and a 3-page table. */
    static ReportDocument realistic() {
        Branding brand = new Branding("Northwind Security", "#1F4E79", "#F39C12", png(400, 120, true));
        Cover cover = new Cover("Camera fleet proposal", "Managed video surveillance for 6 sites, 2027–2029",
                "Contoso Logistics GmbH", "Zoë Ñúñez", LocalDate.of(2026, 12, 6), brand,
                List.of(new Fact("Sites", "6"), new Fact("Cameras", "1,204"), new Fact("Availability, last 90 days",
                        "99.97 %"), new Fact("Quote valid until", "2027-01-31")));
        List<Section> sections = List.of(
                new Section("Summary", List.of(
                        new Block.Paragraph("Northwind runs 1,204 cameras across six sites for Contoso. Over the last "
                                + "90 days the fleet was available 99.97 % of the time, above the 99.9 % the contract asks "
                                + "for.\n\nThis proposal extends the service to the new Kraków and Athens depots and "
                                + "replaces 212 cameras that reach end of support in 2027."),
                        new Block.Facts(List.of(new Fact("Sites", "6"), new Fact("Cameras", "1,204"),
                                new Fact("Open incidents", "3"), new Fact("Median image age", "41 s"))),
                        new Block.Verdict(true, "Availability met the 99.9 % target in each of the last three months."),
                        new Block.Verdict(false, "2 of 6 sites run firmware older than the patch policy allows."))),
                new Section("Coverage map", List.of(
                        new Block.Paragraph("Each dot is a site; its size is its number of cameras."),
                        new Block.Picture(png(1200, 700, false), "Sites and cameras, December 2026"))),
                new Section("Sites", List.of(
                        new Block.Paragraph("Every site, its cameras and its availability over the period."),
                        new Block.TableBlock(sites(150)))),
                new Section("Pricing", List.of(
                        new Block.TableBlock(new Table("pricing", List.of(Column.text("Item"), Column.integer("Quantity"),
                                Column.money("Unit price"), Column.money("Total")), List.of(
                                row("Camera, 4K dome", 212L, new BigDecimal("389.00"), new BigDecimal("82468.00")),
                                row("Managed service, per camera per year", 1204L, new BigDecimal("84.50"),
                                        new BigDecimal("101738.00")),
                                row("Installation, per site", 2L, new BigDecimal("4500.00"),
                                        new BigDecimal("9000.00"))), "Prices in EUR, before VAT.")))),
                new Section("Terms", List.of(new Block.Paragraph(
                        "Prices are valid until 2027-01-31. The service term is 36 months from installation.\n"
                                + "Payment is due 30 days after the invoice."))));
        return new ReportDocument(cover, sections, ZoneId.of("Europe/Berlin"), "Confidential");
    }

    /** Sites with names in several scripts; rows made on demand, never a list. */
    static Table sites(int rows) {
        return new Table("sites", List.of(Column.text("Site"), Column.text("Region"), Column.integer("Cameras"),
                Column.percent("Availability"), Column.date("Installed"), Column.dateTime("Last seen")),
                generated(rows, i -> row(SITES[i % SITES.length] + " " + (i + 1), i % 2 == 0 ? "eu-central-1" : "me-central-1",
                        (long) (40 + i * 7 % 300), 99.0 + (i % 100) / 100.0, LocalDate.of(2024, 1, 1).plusDays(i),
                        Instant.parse("2026-12-06T08:00:00Z").minusSeconds(i * 37L))),
                rows + " sites");
    }

    static List<Object> row(Object... values) {
        List<Object> row = new ArrayList<>();
        for (Object v : values) {
            row.add(v);
        }
        return row;
    }

    /** A re-iterable table body made row by row, as a report source streams it: nothing is held. */
    static Iterable<List<Object>> generated(int rows, IntFunction<List<Object>> row) {
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < rows;
            }

            @Override
            public List<Object> next() {
                return row.apply(next++);
            }
        };
    }

    /** A logo (a lettered mark) or a map-like picture, drawn here so that no test reads a file it did not make. */
    static byte[] png(int width, int height, boolean logo) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        if (logo) {
            g.setColor(new Color(0x1F, 0x4E, 0x79));
            g.fillRoundRect(0, 10, 100, 100, 24, 24);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 64));
            g.drawString("N", 28, 84);
            g.setColor(new Color(0x1F, 0x4E, 0x79));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 44));
            g.drawString("Northwind", 118, 78);
        } else {
            g.setPaint(new GradientPaint(0, 0, new Color(0xDD, 0xEB, 0xF7), width, height, new Color(0xF4, 0xF1, 0xE8)));
            g.fillRect(0, 0, width, height);
            g.setColor(new Color(0xB8, 0xC6, 0xD1));
            g.setStroke(new BasicStroke(3));
            for (int i = 0; i < 12; i++) {
                g.drawLine(0, i * height / 12, width, (i * height / 12 + height / 5) % height);
            }
            int[][] sites = {{200, 180, 40}, {420, 300, 28}, {640, 210, 55}, {860, 470, 22}, {1000, 260, 34},
                    {330, 540, 30}};
            for (int[] s : sites) {
                g.setColor(new Color(0x2E, 0x86, 0xC1, 170));
                g.fillOval(s[0] - s[2], s[1] - s[2], 2 * s[2], 2 * s[2]);
            }
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
