package io.camfleet.console.ui.shell;

import atlantafx.base.theme.Styles;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.ui.common.ScreenView;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** A screen that a later piece of work builds: its name, what it will do, and nothing that pretends to work. */
public final class PlaceholderView implements ScreenView {

    private final VBox root;

    public PlaceholderView(Screen screen, Messages m) {
        FontIcon icon = new FontIcon(screen.icon());
        icon.setIconSize(48);
        icon.getStyleClass().add("placeholder-icon");
        Label title = new Label(m.text(screen.key()));
        title.getStyleClass().add(Styles.TITLE_2);
        Label what = new Label(m.text("placeholder." + screen.name()));
        what.setWrapText(true);
        what.setMaxWidth(560);
        what.getStyleClass().add(Styles.TEXT_MUTED);
        what.setAlignment(Pos.CENTER);
        what.setStyle("-fx-text-alignment: center;");
        Label notYet = new Label(m.text("placeholder.notYet"));
        notYet.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_SUBTLE);
        root = new VBox(12, icon, title, what, notYet);
        root.setAlignment(Pos.CENTER);
        root.getStyleClass().add("placeholder");
    }

    @Override
    public Node root() {
        return root;
    }
}
