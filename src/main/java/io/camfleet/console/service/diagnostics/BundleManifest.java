package io.camfleet.console.service.diagnostics;

import io.camfleet.console.service.common.Messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code MANIFEST.txt} of a bundle: what was collected from where, under which limits, each file kept (and whether it
 * was cut or renamed) and each one left out with why. Written last, into the zip, once all of that is known.
 */
final class BundleManifest {

    static final String NAME = "MANIFEST.txt";

    private final Messages messages = new Messages(Locale.ROOT);
    private final List<String> head = new ArrayList<>();
    private final List<String> included = new ArrayList<>();
    private final List<String> leftOut = new ArrayList<>();
    private long bytesFromCamera;

    void head(String key, Object... args) {
        head.add(messages.text(key, args));
    }

    /**
     * @param kept   bytes read from the camera into the bundle
     * @param size   the file's size on the camera
     * @param remote the file's path on the camera, as listed
     */
    void included(String entry, String remote, long kept, long size, boolean redacted) {
        bytesFromCamera += kept;
        String line = kept < size ? messages.text("bundle.manifest.cut", entry, kept, size)
                : messages.text("bundle.manifest.file", entry, size);
        if (redacted) {
            line += messages.text("bundle.manifest.redactedFile");
        }
        String asEntry = remote.startsWith("/") ? remote.substring(1) : remote;
        if (!asEntry.equals(entry)) {
            line += messages.text("bundle.manifest.renamed", BundleNames.shown(remote));
        }
        included.add(line);
    }

    /** One file or folder not in the bundle; {@code key} says why, with {@code args} after its path. */
    void leftOut(String remote, String key, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = BundleNames.shown(remote);
        System.arraycopy(args, 0, all, 1, args.length);
        leftOut.add(messages.text(key, all));
    }

    long bytesFromCamera() {
        return bytesFromCamera;
    }

    int leftOutCount() {
        return leftOut.size();
    }

    String text() {
        StringBuilder out = new StringBuilder();
        head.forEach(line -> out.append(line).append('\n'));
        out.append('\n').append(messages.text("bundle.manifest.included", included.size(), bytesFromCamera))
                .append('\n');
        included.forEach(line -> out.append("  ").append(line).append('\n'));
        out.append('\n').append(messages.text("bundle.manifest.leftOut", leftOut.size())).append('\n');
        if (leftOut.isEmpty()) {
            out.append("  ").append(messages.text("bundle.manifest.none")).append('\n');
        }
        leftOut.forEach(line -> out.append("  ").append(line).append('\n'));
        return out.toString();
    }
}
