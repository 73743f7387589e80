package io.camfleet.console.ui.devices;

import io.camfleet.console.domain.devices.ComplianceRule;
import io.camfleet.console.domain.devices.JudgedDevice;
import io.camfleet.console.service.common.Messages;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.layout.HBox;

import java.util.List;

/**
 * A compliance rule in short words with its colour: red for what already stops a device being trusted (updates
 * ended, not synced), amber for what needs doing soon. The same words and colours in the column, the counts and the
 * detail.
 */
final class RuleWords {

    private RuleWords() {
    }

    static String words(Messages m, ComplianceRule r) {
        return m.text(r.messageKey());
    }

    /** The style class of the rule's colour (see devices.css). */
    static String styleClass(ComplianceRule r) {
        return switch (r) {
            case UPDATES_ENDED, NOT_SYNCED -> "rule-danger";
            case OS_BEHIND, UPDATES_ENDING, NO_REVIEWER, UNKNOWN_REVIEWER -> "rule-warning";
        };
    }

    /** The rules a device breaks, in the order of the rules (the set's own order is none). */
    static List<ComplianceRule> ordered(JudgedDevice j) {
        return java.util.Arrays.stream(ComplianceRule.values()).filter(j.broken()::contains).toList();
    }

    /** Sorts the worst first: more rules broken, then a red one before an amber one. */
    static int weight(JudgedDevice j) {
        return j.broken().stream().mapToInt(r -> styleClass(r).equals("rule-danger") ? 10 : 1).sum();
    }

    /** A tag per rule broken, or "compliant" muted; tags are rebuilt only when the row's device changes. */
    static <S> TableCell<S, JudgedDevice> cell(Messages m) {
        return new TableCell<>() {
            private final HBox tags = new HBox(4);

            {
                tags.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            }

            @Override
            protected void updateItem(JudgedDevice j, boolean empty) {
                super.updateItem(j, empty);
                setText(null);
                if (empty || j == null) {
                    setGraphic(null);
                    return;
                }
                tags.getChildren().setAll(tags(m, j));
                setGraphic(tags);
            }
        };
    }

    static List<Label> tags(Messages m, JudgedDevice j) {
        if (j.compliant()) {
            Label ok = new Label(m.text("devicesView.rules.none"));
            ok.getStyleClass().addAll("rule-tag", "rule-ok");
            return List.of(ok);
        }
        return ordered(j).stream().map(r -> {
            Label tag = new Label(words(m, r));
            tag.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // a rule named whole, or not at all
            tag.getStyleClass().addAll("rule-tag", styleClass(r));
            return tag;
        }).toList();
    }
}
