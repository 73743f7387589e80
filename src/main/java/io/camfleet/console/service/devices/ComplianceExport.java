package io.camfleet.console.service.devices;

import io.camfleet.console.domain.devices.ComplianceRule;
import io.camfleet.console.domain.devices.JudgedDevice;
import io.camfleet.console.domain.devices.ReviewDevice;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.SafeCsv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The compliance export: one row per device with the rules it breaks (by their CLI names, space separated; empty
 * when it complies). Written through {@link SafeCsv}, to a temporary file beside the target, then moved into place.
 */
final class ComplianceExport {

    static final List<String> HEADER = List.of("serial", "type", "model", "status", "reviewer", "location", "assetId",
            "orgUnit", "osVersion", "lastSync", "autoUpdateEnd", "compliant", "rules");

    private ComplianceExport() {
    }

    static int write(List<JudgedDevice> judged, Path out) {
        Path target = out.toAbsolutePath();
        Path dir = target.getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
            try (BufferedWriter w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                w.write(SafeCsv.line(HEADER));
                w.write("\r\n");
                for (JudgedDevice j : judged) {
                    w.write(SafeCsv.line(row(j)));
                    w.write("\r\n");
                }
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return judged.size();
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new Problem(e, "devices.exportFailed", out.toString(),
                    Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()));
        } catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    private static List<Object> row(JudgedDevice j) {
        ReviewDevice d = j.device();
        String rules = Arrays.stream(ComplianceRule.values()).filter(j::breaks).map(ComplianceRule::cliName)
                .collect(Collectors.joining(" "));
        return Arrays.asList(d.serial(), d.type().name(), d.model(), d.status(), d.reviewer(), d.location(),
                d.assetId(), d.orgUnit(), d.osVersion(), d.lastSync() == null ? "" : d.lastSync().toString(),
                d.autoUpdateEnd() == null ? "" : d.autoUpdateEnd().toString(), j.compliant() ? "yes" : "no", rules);
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // The temporary file is hidden and named after the target; nothing more can be done about it.
            }
        }
    }
}
