package io.camfleet.console.ui.support;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.camfleet.console.domain.support.Ticket;
import io.camfleet.console.domain.support.TicketStatus;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.ui.common.Cells;
import io.camfleet.console.ui.common.SearchField;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The queue page of the support desk: the filters, the search and the tickets with their SLA timers, breaches in red
 * and "breaching soon" in amber. Driven by the keyboard alone: arrows move, Enter opens, N starts a new ticket, M, U
 * and B toggle mine, unassigned and breaching, S goes to the status, / to the search, Esc clears the filters.
 */
final class QueueView {

    static final PseudoClass BREACHED = PseudoClass.getPseudoClass("breached");
    static final PseudoClass SOON = PseudoClass.getPseudoClass("soon");
    static final PseudoClass MET = PseudoClass.getPseudoClass("met");
    static final PseudoClass PAUSED = PseudoClass.getPseudoClass("paused");

    private final QueueViewModel vm;
    private final Messages m;
    private final VBox root = new VBox(10);
    private final CustomTextField search;
    private final TableView<QueueLine> table;
    private final Runnable newTicket;

    /**
     * @param open      opens a ticket, by id
     * @param newTicket starts a ticket from nothing (the operator names its site)
     */
    QueueView(QueueViewModel vm, Messages messages, Consumer<Long> open, Runnable newTicket) {
        this.vm = vm;
        this.m = messages;
        this.search = SearchField.create(messages, "desk.search.prompt");
        this.table = table(open);
        root.getStyleClass().add("desk-queue");

        Label title = new Label(m.text("screen.SUPPORT"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label summary = new Label();
        summary.setId("desk-summary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(vm.summaryProperty());
        search.setId("desk-search");
        search.setPrefWidth(340);
        search.textProperty().bindBidirectional(vm.textProperty());
        search.setTooltip(new Tooltip(m.text("desk.search.tip")));
        search.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                focusTable();
                e.consume();
            }
        });
        Button create = new Button(m.text("desk.new"), new FontIcon(Material2AL.ADD));
        create.setId("desk-new");
        create.getStyleClass().add(Styles.ACCENT);
        create.setTooltip(new Tooltip(m.text("desk.new.tip")));
        create.setOnAction(e -> newTicket.run());
        HBox header = new HBox(12, title, summary, new Spacer(), search, create);
        header.setAlignment(Pos.CENTER_LEFT);

        Label problem = new Label();
        problem.setId("desk-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.setGraphic(new FontIcon(Material2AL.ERROR));
        problem.textProperty().bind(vm.problemProperty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(header, filters(), problem, table);
        this.newTicket = newTicket;
    }

    Node root() {
        return root;
    }

    TableView<QueueLine> table() {
        return table;
    }

    boolean focusSearch() {
        search.requestFocus();
        return true;
    }

    /** Puts the cursor on the table, on the selected ticket or the first. */
    void focusTable() {
        table.requestFocus();
        if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
            table.getSelectionModel().selectFirst();
            table.getFocusModel().focus(0);
        }
    }

    private Node filters() {
        ToggleButton mine = toggle("desk-mine", "desk.filter.mine", "desk.filter.mine.tip", Material2MZ.PERSON);
        mine.selectedProperty().bindBidirectional(vm.mineProperty());
        ToggleButton unassigned = toggle("desk-unassigned", "desk.filter.unassigned", "desk.filter.unassigned.tip",
                Material2MZ.PERSON_OUTLINE);
        unassigned.selectedProperty().bindBidirectional(vm.unassignedProperty());
        ToggleButton breaching = toggle("desk-breaching", "desk.filter.breaching", "desk.filter.breaching.tip",
                Material2MZ.TIMER_OFF);
        breaching.selectedProperty().bindBidirectional(vm.breachingProperty());

        ComboBox<TicketStatus> status = new ComboBox<>();
        status.setId("desk-status");
        status.getItems().add(null);
        status.getItems().addAll(TicketStatus.values());
        status.setButtonCell(statusCell());
        status.setCellFactory(l -> statusCell());
        status.valueProperty().bindBidirectional(vm.statusProperty());
        status.setTooltip(new Tooltip(m.text("desk.filter.status.tip")));
        status.setPrefWidth(210);

        TextField site = field("desk-site", "desk.filter.site", vm.siteProperty()::set);
        TextField customer = field("desk-customer", "desk.filter.customer", vm.customerProperty()::set);
        vm.siteProperty().addListener((o, was, now) -> {
            if (!site.getText().equals(now)) {
                site.setText(now);
            }
        });
        vm.customerProperty().addListener((o, was, now) -> {
            if (!customer.getText().equals(now)) {
                customer.setText(now);
            }
        });

        Button clear = new Button(m.text("desk.filter.clear"), new FontIcon(Material2MZ.SETTINGS_BACKUP_RESTORE));
        clear.setId("desk-clear");
        clear.getStyleClass().add(Styles.FLAT);
        clear.setTooltip(new Tooltip(m.text("desk.filter.clear.tip")));
        clear.setOnAction(e -> vm.clearFilters());
        HBox bar = new HBox(8, mine, unassigned, breaching, status, site, customer, clear);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("desk-filters");
        return bar;
    }

    private ToggleButton toggle(String id, String key, String tipKey, org.kordamp.ikonli.Ikon icon) {
        ToggleButton b = new ToggleButton(m.text(key), new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(m.text(tipKey)));
        b.setFocusTraversable(false);
        return b;
    }

    /** A filter applied on Enter or when the field is left, not at each keystroke (each is a read of the store). */
    private TextField field(String id, String promptKey, Consumer<String> apply) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(m.text(promptKey));
        f.setTooltip(new Tooltip(m.text(promptKey + ".tip")));
        f.setPrefWidth(150);
        f.setOnAction(e -> {
            apply.accept(f.getText());
            focusTable();
        });
        f.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                apply.accept(f.getText());
            }
        });
        return f;
    }

    private ListCell<TicketStatus> statusCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(TicketStatus s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s == null ? m.text("desk.filter.open")
                        : m.text("tickets.status." + s.name()));
            }
        };
    }

    /** The queue's keys; the desk hands them over while the queue shows, wherever the focus is in the window. */
    void key(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        switch (e.getCode()) {
            case N -> newTicket.run();
            case M -> vm.mineProperty().set(!vm.mineProperty().get());
            case U -> vm.unassignedProperty().set(!vm.unassignedProperty().get());
            case B -> vm.breachingProperty().set(!vm.breachingProperty().get());
            case S -> root.lookup("#desk-status").requestFocus();
            case SLASH -> {
                // the / that brought the cursor here is not typed into the box
                search.addEventFilter(KeyEvent.KEY_TYPED, new javafx.event.EventHandler<>() {
                    @Override
                    public void handle(KeyEvent typed) {
                        typed.consume();
                        search.removeEventFilter(KeyEvent.KEY_TYPED, this);
                    }
                });
                search.requestFocus();
            }
            case ESCAPE -> vm.clearFilters();
            default -> {
                return;
            }
        }
        e.consume();
    }

    private TableView<QueueLine> table(Consumer<Long> open) {
        TableView<QueueLine> t = new TableView<>(vm.lines());
        t.setId("desk-queue");
        t.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        t.setFixedCellSize(30);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label(m.text("desk.queue.empty")));
        t.getColumns().setAll(List.of(
                col("desk.col.id", 64, l -> "#" + l.ticket().id(), "mono"),
                severityColumn(),
                col("desk.col.title", 330, l -> l.ticket().title()),
                col("desk.col.site", 200, this::siteAndCustomer),
                col("desk.col.status", 150, l -> m.text("tickets.status." + l.ticket().status().name())),
                col("desk.col.level", 52, l -> l.ticket().level().name()),
                col("desk.col.assignee", 110, l -> l.ticket().assignee().isEmpty() ? "–" : l.ticket().assignee()),
                slaColumn("desk.col.response", QueueLine::response),
                slaColumn("desk.col.resolution", QueueLine::resolution)));
        t.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> vm.selectedProperty().set(now));
        // the keyboard on an empty list that fills: the cursor goes to the first ticket, so that Enter opens it
        vm.lines().addListener((javafx.collections.ListChangeListener<QueueLine>) c -> {
            if (t.isFocused() && t.getSelectionModel().isEmpty() && !t.getItems().isEmpty()) {
                t.getSelectionModel().selectFirst();
                t.getFocusModel().focus(0);
            }
        });
        vm.selectedProperty().addListener((o, was, now) -> {
            if (t.getSelectionModel().getSelectedItem() != now) {
                if (now == null) {
                    t.getSelectionModel().clearSelection();
                } else {
                    t.getSelectionModel().select(now);
                    t.getFocusModel().focus(t.getSelectionModel().getSelectedIndex());
                    t.scrollTo(now);
                }
            }
        });
        t.setRowFactory(x -> {
            TableRow<QueueLine> row = new TableRow<>() {
                @Override
                protected void updateItem(QueueLine l, boolean empty) {
                    super.updateItem(l, empty);
                    pseudoClassStateChanged(BREACHED, !empty && l != null && l.tone() == SlaTimer.Tone.BREACHED);
                    pseudoClassStateChanged(SOON, !empty && l != null && l.tone() == SlaTimer.Tone.SOON);
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    open.accept(row.getItem().ticket().id());
                }
            });
            return row;
        });
        t.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            QueueLine l = t.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && l != null) {
                open.accept(l.ticket().id());
                e.consume();
            }
        });
        return t;
    }

    private String siteAndCustomer(QueueLine l) {
        Ticket t = l.ticket();
        String sites = t.siteIds().size() > 2 ? t.siteIds().getFirst() + " +" + (t.siteIds().size() - 1)
                : String.join(", ", t.siteIds());
        return t.customer().isEmpty() ? sites : sites + " · " + t.customer();
    }

    private TableColumn<QueueLine, QueueLine> col(String key, double width, Function<QueueLine, String> text,
                                                  String... styles) {
        TableColumn<QueueLine, QueueLine> c = new TableColumn<>(m.text(key));
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        c.setCellFactory(x -> Cells.text(text, styles));
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 60));
        c.setSortable(false);
        return c;
    }

    private TableColumn<QueueLine, QueueLine> severityColumn() {
        TableColumn<QueueLine, QueueLine> c = col("desk.col.severity", 56, l -> "");
        c.setCellFactory(x -> new TableCell<>() {
            private final Label badge = new Label();

            @Override
            protected void updateItem(QueueLine l, boolean empty) {
                super.updateItem(l, empty);
                if (empty || l == null) {
                    setGraphic(null);
                    return;
                }
                badge.setText(l.ticket().severity().name());
                badge.getStyleClass().setAll("label", "severity", "severity-" + l.ticket().severity().name());
                setGraphic(badge);
            }
        });
        return c;
    }

    private TableColumn<QueueLine, QueueLine> slaColumn(String key, Function<QueueLine, SlaTimer> timer) {
        TableColumn<QueueLine, QueueLine> c = col(key, 150, l -> "");
        c.setCellFactory(x -> new TableCell<>() {
            {
                getStyleClass().add("sla-cell");
            }

            @Override
            protected void updateItem(QueueLine l, boolean empty) {
                super.updateItem(l, empty);
                SlaTimer s = empty || l == null ? null : timer.apply(l);
                setText(s == null ? null : s.text());
                tone(this, s == null ? null : s.tone());
            }
        });
        return c;
    }

    /** Colours a node by a timer's tone: the pseudo-classes the desk's stylesheet paints. */
    static void tone(Node n, SlaTimer.Tone tone) {
        n.pseudoClassStateChanged(BREACHED, tone == SlaTimer.Tone.BREACHED);
        n.pseudoClassStateChanged(SOON, tone == SlaTimer.Tone.SOON);
        n.pseudoClassStateChanged(MET, tone == SlaTimer.Tone.MET);
        n.pseudoClassStateChanged(PAUSED, tone == SlaTimer.Tone.PAUSED);
    }
}
