package io.camfleet.console.ui.fleetmap;

import io.camfleet.console.ui.common.FxMapCanvas;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.fleet.SiteSummary;
import io.camfleet.console.service.map.Basemap;
import io.camfleet.console.service.map.MapItem;
import io.camfleet.console.service.map.MapPainter;
import io.camfleet.console.service.map.MapRegion;
import io.camfleet.console.service.map.MapStyle;
import io.camfleet.console.service.map.MapView;
import io.camfleet.console.service.map.TileSource;
import io.camfleet.console.ui.common.FleetFilterBar;
import io.camfleet.console.ui.common.HealthStyle;
import io.camfleet.console.ui.common.SiteStates;
import io.camfleet.console.ui.common.RelativeTime;
import io.camfleet.console.ui.common.ScreenView;
import io.camfleet.console.ui.common.sitedetail.SiteDetailView;
import javafx.animation.AnimationTimer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.AnchorPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.controlsfx.control.PopOver;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The fleet map: every site that passes the shared filter on an offline world map, clustered by health, live. Drawn
 * on three canvases (basemap, markers, then what moves: pulses and the selection box), never a node per site. Each is
 * redrawn only when what it shows changed: the basemap when the view moves, the markers when a cluster or site looks
 * different, so that a live tick that changed nothing on screen costs no frame.
 */
public final class FleetMapView implements ScreenView {

    private static final double KEY_PAN_PX = 120;
    private static final long PULSE_FRAME_NANOS = 30_000_000L;

    private final FleetMapViewModel vm;
    private final Messages m;
    private final ObservableBooleanValue dark;
    private final Executor background;
    private final NumberFormat count;
    private final VBox root = new VBox(10);
    private final StackPane mapPane = new StackPane();
    private final Canvas base = new Canvas();
    private final Canvas marks = new Canvas();
    private final Canvas motion = new Canvas();
    private final FxMapCanvas baseSurface = new FxMapCanvas(base.getGraphicsContext2D());
    private final FxMapCanvas marksSurface = new FxMapCanvas(marks.getGraphicsContext2D());
    private final FxMapCanvas motionSurface = new FxMapCanvas(motion.getGraphicsContext2D());
    private final AnchorPane overlay = new AnchorPane();
    private final Label tip = new Label();
    private final Label scaleLabel = new Label();
    private final javafx.scene.shape.Line scaleLine = new javafx.scene.shape.Line();
    private final Label attribution = new Label();
    private final Map<HealthState, Label> counts = new EnumMap<>(HealthState.class);
    private final Button unplacedBadge = new Button();
    private final FleetFilterBar filters;
    private final Timeline rotation = new Timeline();
    private final List<MapRegion> rotating = new ArrayList<>();
    private final List<Runnable> legendGlyphs = new ArrayList<>();
    private MapPainter painter;
    private TileLayer tiles;
    private boolean baseDirty = true;
    private boolean marksDirty = true;
    private boolean motionDirty = true;
    /** Pulses or a box are on the motion canvas: it must be cleared once they end. */
    private boolean motionShown;
    private long lastMotionFrame;
    private boolean running;
    private int rotationIndex;
    private double rotationSeconds = 30;

    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean dragged;
    private boolean boxing;

    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            paint(now);
        }
    };

    public FleetMapView(FleetMapViewModel vm, SiteDetailView detail, Messages messages, ObservableBooleanValue dark,
                        ObjectProperty<TileSource> tileSource, Executor background) {
        this.vm = vm;
        this.m = messages;
        this.dark = dark;
        this.background = background;
        this.count = NumberFormat.getIntegerInstance(messages.locale());
        this.filters = new FleetFilterBar(vm.fleet(), messages);
        this.painter = new MapPainter(MapStyle.of(dark.get()));
        root.getStyleClass().add("fleet-map");
        root.getStylesheets().add(FleetMapView.class.getResource("fleet-map.css").toExternalForm());
        root.setPadding(new Insets(16, 20, 12, 20));

        buildMapPane();
        SplitPane split = new SplitPane(mapPane);
        split.setOrientation(Orientation.VERTICAL);
        SplitPane.setResizableWithParent(detail.root(), false);
        VBox.setVgrow(split, Priority.ALWAYS);
        // The site's detail opens under the map once a site is selected, and closes when none is.
        Runnable showDetail = () -> {
            boolean want = vm.fleet().selectedSiteIdProperty().get() != null;
            if (want && split.getItems().size() == 1) {
                split.getItems().add(detail.root());
                split.setDividerPositions(0.68);
            } else if (!want && split.getItems().size() == 2) {
                split.getItems().remove(detail.root());
            }
        };
        vm.fleet().selectedSiteIdProperty().addListener((o, a, id) -> showDetail.run());
        showDetail.run();
        root.getChildren().addAll(buildHeader(), filters.chips(), split);

        dark.addListener((o, a, d) -> {
            painter = new MapPainter(MapStyle.of(d));
            // After the painter changed: glyphs drawn before it would keep the other theme's halos.
            legendGlyphs.forEach(Runnable::run);
            invalidateAll();
        });
        tileSource.addListener((o, a, t) -> useTiles(t));
        useTiles(tileSource.get());
        vm.viewProperty().addListener((o, a, v) -> {
            invalidateAll();
            updateScaleBar(v);
        });
        vm.basemapProperty().addListener((o, a, b) -> invalidateAll());
        vm.itemsProperty().addListener((o, a, i) -> invalidateMarks());
        vm.hoveredProperty().addListener((o, a, h) -> {
            invalidateMarks();
            showTip(h);
        });
        vm.selectedIndexesProperty().addListener((o, a, s) -> invalidateMarks());
        vm.visibleCountsProperty().addListener((o, a, c) -> updateCounts(c));
        vm.unplaced().addListener((ListChangeListener<SiteSummary>) c -> updateUnplaced());
        updateCounts(vm.visibleCountsProperty().get());
        updateUnplaced();
        rotation.setCycleCount(Timeline.INDEFINITE);
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public boolean focusSearch() {
        filters.search().requestFocus();
        filters.search().selectAll();
        return true;
    }

    // --- layout ----------------------------------------------------------------------------------------------------

    private Node buildHeader() {
        Label title = new Label(m.text("screen.FLEET_MAP"));
        title.getStyleClass().add(Styles.TITLE_3);
        filters.search().setId("map-search");
        HBox header = new HBox(10, title, new Spacer(), filters.menus(), filters.search());
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private void buildMapPane() {
        mapPane.getStyleClass().add("map-pane");
        mapPane.setId("fleet-map");
        mapPane.setMinSize(200, 150);
        mapPane.setFocusTraversable(true);
        base.setMouseTransparent(true);
        base.setId("map-base");
        marks.setMouseTransparent(true);
        motion.setMouseTransparent(true);
        overlay.setPickOnBounds(false);
        mapPane.getChildren().addAll(base, marks, motion, overlay);
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(mapPane.widthProperty());
        clip.heightProperty().bind(mapPane.heightProperty());
        mapPane.setClip(clip);
        mapPane.widthProperty().addListener((o, a, w) -> resize());
        mapPane.heightProperty().addListener((o, a, h) -> resize());

        VBox tools = new VBox(4,
                tool(Material2AL.ADD, "map.zoomIn", () -> vm.zoomAt(centreX(), centreY(), 1)),
                tool(Material2MZ.REMOVE, "map.zoomOut", () -> vm.zoomAt(centreX(), centreY(), -1)),
                tool(Material2AL.CROP_FREE, "map.fitAll", vm::fitAll),
                tool(Material2AL.CENTER_FOCUS_STRONG, "map.fitSelection", vm::fitSelection),
                tool(Material2AL.FULLSCREEN, "map.wallScreen", this::toggleWallScreen),
                rotationMenu());
        tools.getStyleClass().add("map-tools");
        AnchorPane.setTopAnchor(tools, 10.0);
        AnchorPane.setLeftAnchor(tools, 10.0);

        HBox countBox = new HBox(12);
        countBox.getStyleClass().add("map-card");
        countBox.setAlignment(Pos.CENTER_LEFT);
        for (HealthState s : HealthState.all()) {
            Label l = new Label("0", HealthStyle.icon(s, 14));
            l.getStyleClass().add("map-count");
            counts.put(s, l);
            countBox.getChildren().add(l);
        }
        unplacedBadge.getStyleClass().addAll(Styles.SMALL, Styles.WARNING, "unplaced-badge");
        unplacedBadge.setGraphic(new FontIcon(Material2AL.LOCATION_OFF));
        unplacedBadge.setOnAction(e -> showUnplaced());
        unplacedBadge.setId("map-unplaced");
        HBox topRight = new HBox(8, countBox, unplacedBadge);
        topRight.setAlignment(Pos.CENTER_RIGHT);
        AnchorPane.setTopAnchor(topRight, 10.0);
        AnchorPane.setRightAnchor(topRight, 10.0);

        Node legend = buildLegend();
        AnchorPane.setBottomAnchor(legend, 10.0);
        AnchorPane.setLeftAnchor(legend, 10.0);

        scaleLine.getStyleClass().add("scale-line");
        scaleLine.setStrokeWidth(3);
        VBox scale = new VBox(2, scaleLabel, scaleLine);
        scale.setAlignment(Pos.CENTER_LEFT);
        attribution.getStyleClass().add("attribution");
        VBox bottomRight = new VBox(4, scale, attribution);
        bottomRight.getStyleClass().add("map-card");
        bottomRight.setAlignment(Pos.CENTER_RIGHT);
        AnchorPane.setBottomAnchor(bottomRight, 10.0);
        AnchorPane.setRightAnchor(bottomRight, 10.0);

        tip.getStyleClass().add("map-tip");
        tip.setVisible(false);
        tip.setMouseTransparent(true);
        tip.setId("map-tip");
        overlay.getChildren().addAll(tools, topRight, legend, bottomRight, tip);

        mapPane.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        mapPane.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        mapPane.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        mapPane.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            vm.hover(e.getX(), e.getY());
            moveTip(e.getX(), e.getY());
        });
        mapPane.addEventHandler(MouseEvent.MOUSE_EXITED, e -> vm.leave());
        mapPane.setOnScroll(e -> {
            if (e.getDeltaY() != 0) {
                vm.zoomAt(e.getX(), e.getY(), e.getDeltaY() / 80.0);
            }
            e.consume();
        });
        mapPane.setOnZoom(e -> vm.zoomAt(e.getX(), e.getY(), Math.log(e.getZoomFactor()) / Math.log(2)));
        mapPane.addEventHandler(KeyEvent.KEY_PRESSED, this::key);
    }

    private Button tool(org.kordamp.ikonli.Ikon icon, String key, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, "map-tool");
        b.setTooltip(new Tooltip(m.text(key)));
        b.setOnAction(e -> {
            action.run();
            mapPane.requestFocus();
        });
        b.setId("map-" + key.substring(key.indexOf('.') + 1).toLowerCase(Locale.ROOT));
        return b;
    }

    private Node rotationMenu() {
        MenuButton menu = new MenuButton(null, new FontIcon(Material2MZ.SLIDESHOW));
        menu.getStyleClass().addAll(Styles.BUTTON_ICON, "map-tool");
        menu.setTooltip(new Tooltip(m.text("map.rotate")));
        for (String name : MapRegion.NAMES) {
            CheckMenuItem item = new CheckMenuItem(m.text("map.region." + name));
            MapRegion region = MapRegion.named(name);
            item.setOnAction(e -> {
                if (item.isSelected()) {
                    rotating.add(region);
                } else {
                    rotating.remove(region);
                }
                restartRotation();
            });
            menu.getItems().add(item);
        }
        menu.getItems().add(new SeparatorMenuItem());
        ToggleGroup every = new ToggleGroup();
        for (int seconds : new int[] {15, 30, 60, 120}) {
            RadioMenuItem item = new RadioMenuItem(m.text("map.rotate.every", seconds));
            item.setToggleGroup(every);
            item.setSelected(seconds == rotationSeconds);
            item.setOnAction(e -> {
                rotationSeconds = seconds;
                restartRotation();
            });
            menu.getItems().add(item);
        }
        return menu;
    }

    private Node buildLegend() {
        VBox legend = new VBox(3);
        legend.getStyleClass().add("map-card");
        for (HealthState s : HealthState.all()) {
            Canvas glyph = new Canvas(18, 18);
            Label l = new Label(m.text(HealthStyle.key(s)), glyph);
            l.getStyleClass().add("legend-row");
            legend.getChildren().add(l);
            Runnable draw = () -> {
                glyph.getGraphicsContext2D().clearRect(0, 0, 18, 18);
                painter.marker(new FxMapCanvas(glyph.getGraphicsContext2D()), 9, 9, s, 5.5);
            };
            draw.run();
            legendGlyphs.add(draw);
        }
        // What the colours of sites mean: the site-down rule they were judged by.
        Label rule = new Label();
        rule.setId("map-legend-rule");
        rule.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL, "legend-rule");
        rule.setWrapText(true);
        rule.setMaxWidth(170);
        rule.setMinHeight(Region.USE_PREF_SIZE);
        SiteStates.showRule(rule, m, vm.fleet().snapshotProperty());
        legend.getChildren().add(rule);
        return legend;
    }

    // --- painting --------------------------------------------------------------------------------------------------

    private void resize() {
        base.setWidth(mapPane.getWidth());
        base.setHeight(mapPane.getHeight());
        marks.setWidth(mapPane.getWidth());
        marks.setHeight(mapPane.getHeight());
        motion.setWidth(mapPane.getWidth());
        motion.setHeight(mapPane.getHeight());
        vm.resize(mapPane.getWidth(), mapPane.getHeight());
        invalidateAll();
    }

    private void invalidateAll() {
        baseDirty = true;
        invalidateMarks();
    }

    private void invalidateMarks() {
        marksDirty = true;
        invalidateMotion();
    }

    private void invalidateMotion() {
        motionDirty = true;
        if (!running) {
            running = true;
            timer.start();
        }
    }

    private void paint(long now) {
        MapView v = vm.viewProperty().get();
        if (baseDirty) {
            baseDirty = false;
            Basemap b = vm.basemapProperty().get();
            if (b == null) {
                baseSurface.fillAll(painter.style().water());
            } else {
                painter.paintBasemap(baseSurface, b, v);
            }
            if (tiles != null) {
                tiles.paint(base.getGraphicsContext2D(), v);
            }
        }
        if (marksDirty) {
            marksDirty = false;
            marks.getGraphicsContext2D().clearRect(0, 0, marks.getWidth(), marks.getHeight());
            MapItem hovered = vm.hoveredProperty().get();
            painter.paintItems(marksSurface, vm.itemsProperty().get(), hovered == null ? -1 : hovered.key());
        }
        List<FleetMapViewModel.Pulse> pulses = vm.pulses(now);
        // Pulses alone animate at half the display rate: smooth enough for a ring, half the frames on a software pipeline.
        boolean pulseFrame = !pulses.isEmpty() && now - lastMotionFrame >= PULSE_FRAME_NANOS;
        if (motionDirty || pulseFrame || (motionShown && pulses.isEmpty())) {
            motionDirty = false;
            lastMotionFrame = now;
            motion.getGraphicsContext2D().clearRect(0, 0, motion.getWidth(), motion.getHeight());
            for (FleetMapViewModel.Pulse p : pulses) {
                painter.paintPulse(motionSurface, p.x(), p.y(), p.phase());
            }
            if (boxing) {
                painter.paintSelectionBox(motionSurface, Math.min(pressX, lastX), Math.min(pressY, lastY),
                        Math.abs(lastX - pressX), Math.abs(lastY - pressY));
            }
            motionShown = !pulses.isEmpty() || boxing;
        }
        if (pulses.isEmpty() && !motionShown && !motionDirty && !marksDirty && !baseDirty) {
            running = false;
            timer.stop();
        }
    }

    private void useTiles(TileSource source) {
        tiles = source == null ? null : new TileLayer(source, background, javafx.application.Platform::runLater,
                () -> {
                    baseDirty = true;
                    invalidateMarks();
                });
        attribution.setText(tiles == null || tiles.attribution().isEmpty()
                ? m.text("map.attribution", "Natural Earth")
                : m.text("map.attribution.tiles", tiles.attribution(), "Natural Earth"));
        invalidateAll();
    }

    // --- pointer and keys -----------------------------------------------------------------------------------------

    private void pressed(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        mapPane.requestFocus();
        pressX = e.getX();
        pressY = e.getY();
        lastX = pressX;
        lastY = pressY;
        dragged = false;
        boxing = e.isShiftDown();
    }

    private void dragged(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        double dx = e.getX() - lastX;
        double dy = e.getY() - lastY;
        lastX = e.getX();
        lastY = e.getY();
        if (!dragged && Math.hypot(lastX - pressX, lastY - pressY) < 3) {
            return;
        }
        dragged = true;
        tip.setVisible(false);
        if (boxing) {
            invalidateMotion();
        } else {
            vm.pan(dx, dy);
        }
    }

    private void released(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        if (boxing && dragged) {
            vm.boxSelect(pressX, pressY, e.getX(), e.getY());
        } else if (!dragged && e.getClickCount() == 2) {
            vm.zoomAt(e.getX(), e.getY(), 1);
        } else if (!dragged) {
            vm.click(e.getX(), e.getY(), e.isShortcutDown());
        }
        boxing = false;
        dragged = false;
        invalidateMarks();
    }

    private void key(KeyEvent e) {
        KeyCode k = e.getCode();
        switch (k) {
            case LEFT -> vm.pan(KEY_PAN_PX, 0);
            case RIGHT -> vm.pan(-KEY_PAN_PX, 0);
            case UP -> vm.pan(0, KEY_PAN_PX);
            case DOWN -> vm.pan(0, -KEY_PAN_PX);
            case PLUS, EQUALS, ADD -> vm.zoomAt(centreX(), centreY(), 1);
            case MINUS, SUBTRACT -> vm.zoomAt(centreX(), centreY(), -1);
            case HOME -> vm.fitAll();
            case F11 -> toggleWallScreen();
            case ESCAPE -> {
                if (isWallScreen()) {
                    toggleWallScreen();
                } else {
                    return;
                }
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    private double centreX() {
        return mapPane.getWidth() / 2;
    }

    private double centreY() {
        return mapPane.getHeight() / 2;
    }

    // --- overlay ---------------------------------------------------------------------------------------------------

    private void showTip(MapItem item) {
        if (item == null || vm.shown() == null) {
            tip.setVisible(false);
            return;
        }
        if (item.isSite()) {
            SiteSummary s = vm.shown().sites().get(item.siteIndex());
            tip.setText(m.text("map.tip.site", s.site().name(), s.site().customer(), s.health().online(),
                    s.health().total(), RelativeTime.format(s.lastHeartbeat(), vm.shown().takenAt(), m),
                    SiteStates.text(m, s.health())));
        } else {
            StringBuilder states = new StringBuilder();
            for (HealthState st : HealthState.all()) {
                int n = item.count(st);
                if (n > 0) {
                    states.append('\n').append(count.format(n)).append(' ')
                            .append(m.text(HealthStyle.key(st)).toLowerCase(m.locale()));
                }
            }
            tip.setText(m.text("map.tip.cluster", count.format(item.count())) + states
                    + "\n" + m.text("map.tip.clusterHint"));
        }
        tip.setVisible(true);
        moveTip(lastX, lastY);
    }

    private void moveTip(double x, double y) {
        lastX = x;
        lastY = y;
        tip.applyCss();
        tip.autosize();
        double w = tip.getWidth();
        double h = tip.getHeight();
        double tx = x + 16 + w > mapPane.getWidth() ? x - 16 - w : x + 16;
        double ty = y + 16 + h > mapPane.getHeight() ? y - 16 - h : y + 16;
        tip.relocate(Math.max(0, tx), Math.max(0, ty));
    }

    private void updateCounts(int[] c) {
        for (HealthState s : HealthState.all()) {
            counts.get(s).setText(count.format(c[s.ordinal()]));
            counts.get(s).setTooltip(new Tooltip(m.text("map.count.tip", count.format(c[s.ordinal()]),
                    m.text(HealthStyle.key(s)))));
        }
    }

    private void updateUnplaced() {
        int n = vm.unplaced().size();
        unplacedBadge.setText(m.text("map.unplaced", count.format(n)));
        unplacedBadge.setVisible(n > 0);
        unplacedBadge.setManaged(n > 0);
    }

    private void showUnplaced() {
        ListView<SiteSummary> list = new ListView<>(vm.unplaced());
        list.setPrefSize(420, 260);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(SiteSummary s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null
                        : s.site().name() + "  ·  " + s.id() + "  ·  " + s.site().customer());
                setGraphic(empty || s == null ? null : HealthStyle.icon(s.health().state(), 13));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> {
            if (s != null) {
                vm.fleet().select(s.id());
            }
        });
        Label hint = new Label(m.text("map.unplaced.hint"));
        hint.setWrapText(true);
        hint.setMaxWidth(420);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        VBox box = new VBox(8, hint, list);
        box.setPadding(new Insets(10));
        PopOver pop = new PopOver(box);
        pop.setTitle(m.text("map.unplaced.title"));
        pop.setHeaderAlwaysVisible(true);
        pop.setArrowLocation(PopOver.ArrowLocation.TOP_RIGHT);
        pop.show(unplacedBadge);
    }

    private void updateScaleBar(MapView v) {
        double mpp = v.metresPerPixel();
        double target = mpp * 120;
        double[] steps = {1, 2, 5};
        double nice = 1;
        for (double mag = 1; mag < 1e8; mag *= 10) {
            for (double s : steps) {
                if (s * mag <= target) {
                    nice = s * mag;
                }
            }
        }
        scaleLine.setEndX(nice / mpp);
        scaleLabel.setText(nice >= 1000 ? count.format(Math.round(nice / 1000)) + " km"
                : count.format(Math.round(nice)) + " m");
    }

    // --- wall screen -----------------------------------------------------------------------------------------------

    private boolean isWallScreen() {
        return root.getStyleClass().contains("wall");
    }

    private void toggleWallScreen() {
        boolean on = !isWallScreen();
        if (on) {
            root.getStyleClass().add("wall");
        } else {
            root.getStyleClass().remove("wall");
        }
        if (root.getScene() != null && root.getScene().getWindow() instanceof Stage stage) {
            stage.setFullScreenExitHint("");
            stage.setFullScreen(on);
        }
        restartRotation();
    }

    private void restartRotation() {
        rotation.stop();
        rotation.getKeyFrames().clear();
        if (!isWallScreen() || rotating.isEmpty()) {
            return;
        }
        rotation.getKeyFrames().add(new KeyFrame(Duration.seconds(rotationSeconds), e -> {
            rotationIndex = (rotationIndex + 1) % rotating.size();
            vm.showRegion(rotating.get(rotationIndex));
        }));
        rotationIndex = 0;
        vm.showRegion(rotating.get(0));
        rotation.play();
    }
}
