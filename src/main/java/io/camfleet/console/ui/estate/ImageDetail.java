package io.camfleet.console.ui.estate;

import atlantafx.base.theme.Styles;
import io.camfleet.console.domain.images.ImageUsage;
import io.camfleet.console.domain.images.MachineImage;
import io.camfleet.console.service.common.Messages;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The selected image: its tags, and who runs it (the camera systems of the fleet cache and the EC2 instances), as the
 * catalogue read it at once and then as EC2 says now.
 */
final class ImageDetail {

    private final VBox root = new VBox(6);
    private final Label title = new Label();
    private final ListView<String> tags = new ListView<>();
    private final ListView<String> users = new ListView<>();
    private final Label usageNote = new Label();
    private final Messages m;

    ImageDetail(ImagesTabModel model, Messages messages) {
        this.m = messages;
        root.setId("images-detail");
        root.setPadding(new Insets(8, 0, 0, 0));
        title.setId("images-detail-title");
        title.getStyleClass().add(Styles.TITLE_4);
        tags.setId("images-detail-tags");
        users.setId("images-detail-usage");
        for (ListView<String> l : List.of(tags, users)) {
            l.getStyleClass().add(Styles.DENSE);
            l.setFixedCellSize(26);
        }
        usageNote.setId("images-detail-usage-note");
        usageNote.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        usageNote.setWrapText(true);
        usageNote.textProperty().bind(model.usageNote());
        tags.setPlaceholder(new Label(m.text("estate.images.detail.noTags")));
        users.setPlaceholder(new Label(m.text("estate.images.detail.nobody")));

        VBox tagBox = new VBox(4, heading("estate.images.detail.tags"), tags);
        HBox useHead = new HBox(10, heading("estate.images.detail.usage"), usageNote);
        useHead.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
        VBox useBox = new VBox(4, useHead, users);
        VBox.setVgrow(tags, Priority.ALWAYS);
        VBox.setVgrow(users, Priority.ALWAYS);
        HBox.setHgrow(tagBox, Priority.ALWAYS);
        HBox.setHgrow(useBox, Priority.ALWAYS);
        tagBox.setPrefWidth(500);
        useBox.setPrefWidth(500);
        HBox both = new HBox(16, tagBox, useBox);
        VBox.setVgrow(both, Priority.ALWAYS);
        root.getChildren().addAll(title, both);

        model.selected().addListener((o, was, now) -> showImage(now));
        model.usage().addListener((o, was, now) -> showUsage(now));
        showImage(null);
    }

    Node root() {
        return root;
    }

    private Label heading(String key) {
        Label l = new Label(m.text(key));
        l.getStyleClass().add(Styles.TEXT_BOLD);
        return l;
    }

    private void showImage(ImageRow row) {
        if (row == null) {
            title.setText(m.text("estate.images.detail.none"));
            tags.getItems().clear();
            return;
        }
        MachineImage i = row.entry().image();
        title.setText(m.text("estate.images.detail.title", i.name(), i.id(), row.entry().lineage()));
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, String> t : new TreeMap<>(i.tags()).entrySet()) {
            lines.add(t.getKey() + " = " + t.getValue());
        }
        tags.setItems(FXCollections.observableArrayList(lines));
    }

    private void showUsage(ImageUsage u) {
        List<String> lines = new ArrayList<>();
        if (u != null) {
            u.cameras().forEach(c -> lines.add(m.text("estate.images.usage.camera", c)));
            u.instances().forEach(i -> lines.add(m.text("estate.images.usage.instance", i)));
        }
        users.setItems(FXCollections.observableArrayList(lines));
    }
}
