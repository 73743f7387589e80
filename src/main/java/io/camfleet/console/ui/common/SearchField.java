package io.camfleet.console.ui.common;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import io.camfleet.console.service.common.Messages;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The search box every screen uses: a magnifier, a prompt, a clear button while there is text, and Esc to clear. */
public final class SearchField {

    private SearchField() {
    }

    public static CustomTextField create(Messages m, String promptKey) {
        CustomTextField field = new CustomTextField();
        field.setPromptText(m.text(promptKey));
        field.setLeft(new FontIcon(Material2MZ.SEARCH));
        Button clear = new Button(null, new FontIcon(Material2AL.CLOSE));
        clear.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        clear.setTooltip(new Tooltip(m.text("search.clear")));
        clear.setOnAction(e -> field.clear());
        clear.visibleProperty().bind(field.textProperty().isNotEmpty());
        field.setRight(clear);
        field.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                field.clear();
            }
        });
        return field;
    }
}
