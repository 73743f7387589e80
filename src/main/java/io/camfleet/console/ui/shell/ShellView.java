package io.camfleet.console.ui.shell;

import atlantafx.base.controls.Message;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Styles;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.ui.common.BackgroundTasks;
import io.camfleet.console.ui.common.FleetModel;
import io.camfleet.console.ui.common.HealthStyle;
import io.camfleet.console.ui.common.ScreenView;
import javafx.application.Application;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The main window's content: navigation on the left, the current screen in the middle, banners above it and the
 * status bar below. It lists the screens the features registered, and builds each on first visit.
 */
public final class ShellView {

    private final ShellViewModel vm;
    private final Messages m;
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final VBox banners = new VBox(6);
    private final VBox toasts = new VBox(8);
    /** How long a toast shows. */
    private static final javafx.util.Duration TOAST_SHOWN = javafx.util.Duration.seconds(12);
    private static final double TOAST_WIDTH = 420;
    private final ToggleGroup nav = new ToggleGroup();
    private final Map<Screen, ToggleButton> navButtons = new HashMap<>();
    private final Map<Screen, ScreenView> built = new HashMap<>();
    private final ScreenRegistry screens;
    private final String aboutText;
    private final StatusBar statusBar;
    private boolean open;
    /** The toasts whose timer runs. */
    private final java.util.Set<Toast> timed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /**
     * @param screens what the features registered; {@code vm} must use the same ({@link ShellViewModel#useScreens})
     */
    public ShellView(ShellViewModel vm, ScreenRegistry screens, FleetModel fleet, BackgroundTasks tasks,
                     Messages messages, ZoneId zone, String aboutText) {
        this.vm = vm;
        this.screens = screens;
        this.m = messages;
        this.aboutText = aboutText;
        root.getStyleClass().add("shell");
        root.getStylesheets().addAll(ShellView.class.getResource("shell.css").toExternalForm(),
                HealthStyle.stylesheet());
        root.setLeft(buildSidebar());
        banners.setPadding(new Insets(0));
        banners.getStyleClass().add("banners");
        content.getStyleClass().add("content");
        VBox center = new VBox(banners, content);
        VBox.setVgrow(content, javafx.scene.layout.Priority.ALWAYS);
        // Toasts float over the screen's bottom right corner, clear of every screen's toolbar and filters, and let
        // clicks through around them.
        toasts.getStyleClass().add("toasts");
        toasts.setPickOnBounds(false);
        toasts.setMaxSize(TOAST_WIDTH, Region.USE_PREF_SIZE);
        toasts.setPadding(new Insets(12));
        StackPane.setAlignment(toasts, Pos.BOTTOM_RIGHT);
        root.setCenter(new StackPane(center, toasts));
        vm.toasts().addListener((ListChangeListener<Toast>) c -> renderToasts());
        statusBar = new StatusBar(fleet, tasks, messages, zone);
        root.setBottom(statusBar);
        vm.banners().addListener((ListChangeListener<Banner>) c -> renderBanners());
        vm.screenProperty().addListener((o, a, s) -> show(s));
        vm.darkThemeProperty().addListener((o, a, dark) -> applyTheme(dark));
        applyTheme(vm.darkThemeProperty().get());
        showLoading();
        navButtons.get(vm.screenProperty().get()).setSelected(true);
    }

    public Parent root() {
        return root;
    }

    /** Installs Ctrl+1..9 and Ctrl+0 (the tenth) for the screens, in navigation order, and Ctrl+F for search. */
    public void installShortcuts(Scene scene) {
        List<Screen> all = screens.screens();
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
                KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9, KeyCode.DIGIT0};
        for (int i = 0; i < all.size() && i < digits.length; i++) {
            Screen s = all.get(i);
            scene.getAccelerators().put(new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN),
                    () -> vm.show(s));
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), this::search);
    }

    /** Ctrl+F: search on the current screen, or on the home screen when the current screen has no search. */
    private void search() {
        ScreenView current = built.get(vm.screenProperty().get());
        if (current != null && current.focusSearch()) {
            return;
        }
        vm.show(screens.home());
        ScreenView home = built.get(screens.home());
        if (home != null) {
            home.focusSearch();
        }
    }

    /**
     * Adds the tooltips. Called once the window shows: the first tooltip loads JavaFX's popup machinery, a tenth of a
     * second the first window should not wait for.
     */
    public void installTooltips() {
        List<Screen> all = screens.screens();
        for (int i = 0; i < all.size(); i++) {
            String name = m.text(all.get(i).key());
            navButtons.get(all.get(i)).setTooltip(new Tooltip(i < 10 ? m.text("nav.shortcut", name, (i + 1) % 10) : name));
        }
        statusBar.installTooltips();
    }

    /** Called once the services are up: screens can now be built. */
    public void openScreens() {
        open = true;
        show(vm.screenProperty().get());
    }

    /** Replaces the content with a sentence saying why the console cannot go on. */
    public void showFatal(String title, String text) {
        Label t = new Label(title, new FontIcon(Material2AL.ERROR));
        t.getStyleClass().addAll(Styles.TITLE_3, Styles.DANGER);
        Label body = new Label(text);
        body.setWrapText(true);
        body.setMaxWidth(640);
        VBox box = new VBox(10, t, body);
        box.setAlignment(Pos.CENTER);
        content.getChildren().setAll(box);
    }

    ScreenView screen(Screen s) {
        return built.get(s);
    }

    private Node buildSidebar() {
        ImageView logo = new ImageView(new Image(
                ShellView.class.getResource("/io/camfleet/console/icons/camfleet-32.png").toExternalForm(), true));
        Label brand = new Label(m.text("app.name"), logo);
        brand.getStyleClass().add("brand");
        VBox side = new VBox(2);
        side.getStyleClass().add("sidebar");
        side.setPadding(new Insets(14, 10, 10, 10));
        side.getChildren().add(brand);
        for (Screen s : screens.screens()) {
            FontIcon icon = new FontIcon(s.icon());
            icon.setIconSize(18);
            ToggleButton b = new ToggleButton(m.text(s.key()), icon);
            b.setToggleGroup(nav);
            b.getStyleClass().add("nav-item");
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.setId(s.navId());
            b.setOnAction(e -> {
                b.setSelected(true);
                vm.show(s);
            });
            navButtons.put(s, b);
            side.getChildren().add(withBadge(b, s));
        }
        Button theme = new Button(m.text("nav.theme"), new FontIcon(Material2AL.BRIGHTNESS_4));
        theme.getStyleClass().addAll(Styles.FLAT, "nav-footer");
        theme.setMaxWidth(Double.MAX_VALUE);
        theme.setAlignment(Pos.CENTER_LEFT);
        theme.setOnAction(e -> vm.toggleTheme());
        theme.setId("nav-theme");
        side.getChildren().addAll(new Spacer(javafx.geometry.Orientation.VERTICAL), theme);
        screens.settings().ifPresent(open -> {
            Button settings = new Button(m.text("nav.settings"), new FontIcon(Material2MZ.SETTINGS));
            settings.getStyleClass().addAll(Styles.FLAT, "nav-footer");
            settings.setMaxWidth(Double.MAX_VALUE);
            settings.setAlignment(Pos.CENTER_LEFT);
            settings.setId("nav-settings");
            settings.setOnAction(e -> open.open(root.getScene().getWindow()));
            side.getChildren().add(settings);
        });
        Button about = new Button(m.text("nav.about"), new FontIcon(Material2AL.INFO));
        about.getStyleClass().addAll(Styles.FLAT, "nav-footer");
        about.setMaxWidth(Double.MAX_VALUE);
        about.setAlignment(Pos.CENTER_LEFT);
        about.setOnAction(e -> showAbout());
        side.getChildren().add(about);
        return side;
    }

    /** The button with its count over its right end, shown while the screen's feature counts something. */
    private Node withBadge(ToggleButton b, Screen s) {
        IntegerProperty count = vm.badgeProperty(s);
        Label badge = new Label();
        badge.setId(s.navId() + "-badge");
        badge.getStyleClass().add("nav-badge");
        badge.textProperty().bind(Bindings.createStringBinding(
                () -> count.get() > 99 ? "99+" : Integer.toString(count.get()), count));
        badge.visibleProperty().bind(count.greaterThan(0));
        badge.setMouseTransparent(true);
        StackPane item = new StackPane(b, badge);
        StackPane.setAlignment(badge, Pos.CENTER_RIGHT);
        StackPane.setMargin(badge, new Insets(0, 8, 0, 0));
        return item;
    }

    private void showAbout() {
        Alert a = new Alert(Alert.AlertType.INFORMATION, aboutText, ButtonType.OK);
        a.setTitle(m.text("nav.about"));
        a.setHeaderText(m.text("app.name"));
        a.initOwner(root.getScene().getWindow());
        a.getDialogPane().setMinWidth(520);
        a.showAndWait();
    }

    private void showLoading() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(48, 48);
        Label text = new Label(m.text("shell.opening"));
        text.getStyleClass().add(Styles.TEXT_MUTED);
        VBox box = new VBox(14, spinner, text);
        box.setAlignment(Pos.CENTER);
        content.getChildren().setAll(box);
    }

    private void show(Screen s) {
        ToggleButton b = navButtons.get(s);
        if (!b.isSelected()) {
            b.setSelected(true);
        }
        if (!open) {
            return;
        }
        ScreenView view = built.computeIfAbsent(s, screens::create);
        content.getChildren().setAll(view.root());
        keepToastsAbove(view.bottomBar());
    }

    /** Toasts float above a screen's bottom bar (the alert's buttons), not over it; else in the corner. */
    private void keepToastsAbove(Region bar) {
        toasts.paddingProperty().unbind();
        if (bar == null) {
            toasts.setPadding(new Insets(12));
            return;
        }
        // how far the bar's top edge is from the bottom of the layer the toasts float in
        javafx.scene.Parent layer = toasts.getParent();
        toasts.paddingProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(() -> {
            bar.getBoundsInParent(); // read, so that its next change is heard (bounds are computed lazily)
            double top = layer.sceneToLocal(bar.localToScene(bar.getLayoutBounds())).getMinY();
            return new Insets(12, 12, Math.max(12, layer.getLayoutBounds().getHeight() - top + 8), 12);
        }, bar.boundsInParentProperty(), bar.layoutBoundsProperty(), layer.layoutBoundsProperty()));
    }

    private void renderToasts() {
        toasts.getChildren().clear();
        for (Toast t : vm.toasts()) {
            Message msg = new Message(t.title(), t.text(), new FontIcon(icon(t.kind())));
            msg.getStyleClass().addAll(style(t.kind()), "toast");
            msg.setPrefWidth(TOAST_WIDTH - 24);
            msg.setOnClose(e -> vm.toasts().remove(t));
            if (t.action() != null) {
                msg.setCursor(javafx.scene.Cursor.HAND);
                msg.setOnMouseClicked(e -> {
                    vm.toasts().remove(t);
                    t.action().run();
                });
            }
            toasts.getChildren().add(msg);
            if (timed.add(t)) {
                javafx.animation.PauseTransition gone = new javafx.animation.PauseTransition(TOAST_SHOWN);
                gone.setOnFinished(e -> {
                    timed.remove(t);
                    vm.toasts().remove(t);
                });
                gone.play();
            }
        }
    }

    private static org.kordamp.ikonli.Ikon icon(Banner.Kind kind) {
        return switch (kind) {
            case INFO -> Material2AL.INFO;
            case WARNING -> Material2MZ.WARNING;
            case DANGER -> Material2AL.ERROR;
        };
    }

    private static String style(Banner.Kind kind) {
        return switch (kind) {
            case INFO -> Styles.ACCENT;
            case WARNING -> Styles.WARNING;
            case DANGER -> Styles.DANGER;
        };
    }

    private void renderBanners() {
        banners.getChildren().clear();
        for (Banner b : vm.banners()) {
            Message msg = new Message(b.title(), b.text(), new FontIcon(switch (b.kind()) {
                case INFO -> Material2AL.INFO;
                case WARNING -> Material2MZ.WARNING;
                case DANGER -> Material2AL.ERROR;
            }));
            msg.getStyleClass().add(switch (b.kind()) {
                case INFO -> Styles.ACCENT;
                case WARNING -> Styles.WARNING;
                case DANGER -> Styles.DANGER;
            });
            msg.setOnClose(e -> vm.banners().remove(b));
            if (b.actionLabel().isEmpty()) {
                banners.getChildren().add(msg);
            } else {
                Button act = new Button(b.actionLabel());
                act.setId("banner-action");
                act.setMinWidth(Region.USE_PREF_SIZE);
                act.getStyleClass().add(Styles.ACCENT);
                act.setOnAction(e -> {
                    vm.banners().remove(b);
                    b.action().run();
                });
                HBox.setHgrow(msg, Priority.ALWAYS);
                HBox row = new HBox(10, msg, act);
                row.setAlignment(Pos.CENTER_LEFT);
                banners.getChildren().add(row);
            }
        }
        banners.setPadding(vm.banners().isEmpty() ? Insets.EMPTY : new Insets(10, 20, 0, 20));
    }

    private static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}
