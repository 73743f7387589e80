package io.camfleet.console.service.reports;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.camfleet.console.domain.reports.PriceList;
import io.camfleet.console.service.common.Problem;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a price list from its YAML file (the format is in the README), checking every field and naming the line of
 * the first mistake: a price list a quote is computed from must be exactly what sales meant.
 */
public final class PriceListFile {

    private static final Set<String> TOP = Set.of("currency", "termMonths", "items");
    private static final Set<String> ITEM = Set.of("id", "name", "per", "monthly", "tiers", "discounts");
    private static final Set<String> TIER = Set.of("from", "to", "price");
    private static final Set<String> DISCOUNT = Set.of("from", "percent");

    /** A price list is a page of prices; anything larger is not one, and is not read into memory. */
    static final long MAX_BYTES = 1024 * 1024;

    private final String file;
    private Currency currency;

    private PriceListFile(String file) {
        this.file = file;
    }

    /** @throws Problem (bad input) naming the file, and the line and field of the first mistake */
    public static PriceList read(Path path) {
        String text;
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw Problem.badInput("report.sales.priceList.tooLarge", path.toString(), MAX_BYTES / 1024);
            }
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw Problem.badInput("report.sales.priceList.notText", path.toString());
        } catch (IOException | SecurityException e) {
            throw Problem.badInput("report.sales.priceList.unreadable", path.toString(),
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        return parse(path.toString(), text);
    }

    /** @param file how the price list is named in messages */
    public static PriceList parse(String file, String text) {
        PriceListFile reader = new PriceListFile(file);
        Node root;
        try (Reader in = new StringReader(text); JsonParser p = new YAMLFactory().createParser(in)) {
            JsonToken first = p.nextToken();
            root = first == null ? new Mapping(Map.of(), 1) : reader.node(p);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw Problem.badInput("report.sales.priceList.syntax", file, at == null ? 0 : at.getLineNr(),
                    e.getOriginalMessage());
        } catch (IOException e) {
            throw Problem.badInput("report.sales.priceList.unreadable", file, e.getMessage());
        }
        return reader.priceList(reader.mapping(root, "price list", TOP));
    }

    // --- the file as a tree that remembers lines -------------------------------------------------------------

    private sealed interface Node permits Scalar, Mapping, Sequence {
        int line();
    }

    private record Scalar(String text, boolean quoted, int line) implements Node {
    }

    private record Mapping(Map<String, Node> fields, int line) implements Node {
    }

    private record Sequence(List<Node> items, int line) implements Node {
    }

    private Node node(JsonParser p) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, Node> fields = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                int at = p.currentTokenLocation().getLineNr();
                p.nextToken();
                if (fields.put(name, node(p)) != null) {
                    throw bad("duplicate", at, name);
                }
            }
            return new Mapping(fields, line);
        }
        if (t == JsonToken.START_ARRAY) {
            List<Node> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                items.add(node(p));
            }
            return new Sequence(items, line);
        }
        return new Scalar(t == JsonToken.VALUE_NULL ? "" : p.getText(), t == JsonToken.VALUE_STRING, line);
    }

    // --- the price list --------------------------------------------------------------------------------------

    private PriceList priceList(Mapping top) {
        Scalar code = scalar(top, "currency", true);
        try {
            currency = Currency.getInstance(code.text().strip());
        } catch (IllegalArgumentException e) {
            currency = null;
        }
        if (currency == null || !code.text().strip().matches("[A-Z]{3}") || currency.getDefaultFractionDigits() < 0) {
            throw bad("currency", code.line(), "currency", code.text());
        }
        int term = (int) whole(scalar(top, "termMonths", true), "termMonths", Integer.MAX_VALUE);
        Node itemsNode = top.fields().get("items");
        if (itemsNode == null) {
            throw bad("missing", top.line(), "items");
        }
        Sequence items = sequence(itemsNode, "items");
        if (items.items().isEmpty()) {
            throw bad("noItems", items.line(), "items");
        }
        List<PriceList.Item> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Node n : items.items()) {
            PriceList.Item item = item(mapping(n, "items", ITEM));
            if (!ids.add(item.id())) {
                throw bad("duplicateItem", n.line(), "id", item.id());
            }
            out.add(item);
        }
        return new PriceList(currency, term, out);
    }

    private PriceList.Item item(Mapping m) {
        String id = scalar(m, "id", true).text().strip();
        Scalar nameNode = scalar(m, "name", false);
        String name = nameNode == null || nameNode.text().isBlank() ? id : nameNode.text().strip();
        Scalar perNode = scalar(m, "per", true);
        PriceList.Per per;
        try {
            per = PriceList.Per.valueOf(perNode.text().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad("per", perNode.line(), "per", perNode.text());
        }
        Scalar monthlyNode = scalar(m, "monthly", false);
        boolean monthly = false;
        if (monthlyNode != null) {
            String v = monthlyNode.text().strip().toLowerCase(Locale.ROOT);
            if (!v.equals("true") && !v.equals("false")) {
                throw bad("monthly", monthlyNode.line(), "monthly", monthlyNode.text());
            }
            monthly = v.equals("true");
        }
        Node tiersNode = m.fields().get("tiers");
        if (tiersNode == null) {
            throw bad("missing", m.line(), "tiers");
        }
        List<PriceList.Tier> tiers = tiers(sequence(tiersNode, "tiers"), name);
        List<PriceList.Discount> discounts = new ArrayList<>();
        Node discountsNode = m.fields().get("discounts");
        if (discountsNode != null && !(discountsNode instanceof Scalar s && s.text().isEmpty())) {
            long last = 0;
            for (Node n : sequence(discountsNode, "discounts").items()) {
                Mapping d = mapping(n, "discounts", DISCOUNT);
                Scalar fromNode = scalar(d, "from", true);
                long from = whole(fromNode, "from", Long.MAX_VALUE);
                if (from <= last) {
                    throw bad("discountOrder", fromNode.line(), "from", from, last);
                }
                last = from;
                Scalar pctNode = scalar(d, "percent", true);
                BigDecimal percent = number(pctNode, "percent");
                if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                    throw bad("percent", pctNode.line(), "percent", pctNode.text());
                }
                discounts.add(new PriceList.Discount(from, percent));
            }
        }
        return new PriceList.Item(id, name, per, monthly, tiers, discounts);
    }

    /** Tiers contiguous from 1, the last one open-ended: every quantity has exactly one price. */
    private List<PriceList.Tier> tiers(Sequence s, String item) {
        if (s.items().isEmpty()) {
            throw bad("missing", s.line(), "tiers");
        }
        List<PriceList.Tier> tiers = new ArrayList<>();
        long next = 1;
        for (int i = 0; i < s.items().size(); i++) {
            Mapping t = mapping(s.items().get(i), "tiers", TIER);
            Scalar fromNode = scalar(t, "from", true);
            long from = whole(fromNode, "from", Long.MAX_VALUE);
            if (i == 0 && from != 1) {
                throw bad("firstTier", fromNode.line(), "from", from, next - 1, next, item);
            }
            if (from > next) {
                throw bad("gap", fromNode.line(), "from", from, next, from - 1, item);
            }
            if (from < next) {
                throw bad("overlap", fromNode.line(), "from", from, next - 1, next, item);
            }
            Scalar toNode = scalar(t, "to", false);
            Optional<Long> to = Optional.empty();
            boolean last = i == s.items().size() - 1;
            if (toNode != null && !toNode.text().isBlank()) {
                long value = whole(toNode, "to", Long.MAX_VALUE);
                if (value < from) {
                    throw bad("toBeforeFrom", toNode.line(), "to", value, from);
                }
                if (last) {
                    throw bad("lastTier", toNode.line(), "to", value, item);
                }
                to = Optional.of(value);
                next = value + 1;
            } else if (!last) {
                throw bad("openTier", t.line(), "to", item);
            }
            Scalar priceNode = scalar(t, "price", true);
            tiers.add(new PriceList.Tier(from, to, money(priceNode, "price")));
        }
        return tiers;
    }

    // --- fields ----------------------------------------------------------------------------------------------

    private Mapping mapping(Node n, String field, Set<String> known) {
        if (!(n instanceof Mapping m)) {
            throw bad("mapping", n.line(), field);
        }
        for (String name : m.fields().keySet()) {
            if (!known.contains(name)) {
                throw bad("unknownField", m.fields().get(name).line(), name, String.join(", ", known.stream()
                        .sorted().toList()));
            }
        }
        return m;
    }

    private Sequence sequence(Node n, String field) {
        if (!(n instanceof Sequence s)) {
            throw bad("sequence", n.line(), field);
        }
        return s;
    }

    private Scalar scalar(Mapping m, String field, boolean required) {
        Node n = m.fields().get(field);
        if (n == null || n instanceof Scalar s && s.text().isBlank()) {
            if (required) {
                throw bad("missing", n == null ? m.line() : n.line(), field);
            }
            return null;
        }
        if (!(n instanceof Scalar s)) {
            throw bad("scalar", n.line(), field);
        }
        return s;
    }

    private BigDecimal number(Scalar s, String field) {
        try {
            return new BigDecimal(s.text().strip());
        } catch (NumberFormatException e) {
            throw bad("number", s.line(), field, s.text());
        }
    }

    /** A price: a number, not negative, with no more decimals than the currency's minor unit. */
    private BigDecimal money(Scalar s, String field) {
        BigDecimal value = number(s, field);
        if (value.signum() < 0) {
            throw bad("negative", s.line(), field, s.text());
        }
        int digits = currency.getDefaultFractionDigits();
        if (value.stripTrailingZeros().scale() > digits) {
            throw bad("decimals", s.line(), field, s.text(), currency.getCurrencyCode(), digits);
        }
        return value;
    }

    private long whole(Scalar s, String field, long max) {
        BigDecimal value = number(s, field);
        try {
            long v = value.longValueExact();
            if (v >= 1 && v <= max) {
                return v;
            }
        } catch (ArithmeticException e) {
            // not whole: said below
        }
        throw bad("whole", s.line(), field, s.text());
    }

    /** A mistake at {@code line}: the message's arguments are the file, the line, then {@code args}. */
    private Problem bad(String reason, int line, Object... args) {
        Object[] all = new Object[args.length + 2];
        all[0] = file;
        all[1] = line;
        System.arraycopy(args, 0, all, 2, args.length);
        return Problem.badInput("report.sales.priceList." + reason, all);
    }
}
