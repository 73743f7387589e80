package io.camfleet.console.service.diagnostics;

import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.deploy.CommandResult;
import io.camfleet.console.service.deploy.HostConnector;
import io.camfleet.console.service.deploy.HostKeyRejected;
import io.camfleet.console.service.deploy.HostSession;
import io.camfleet.console.service.deploy.RemoteEntry;
import io.camfleet.console.service.deploy.RemoteHost;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A camera whose folders list whatever a test puts in them, names a file system would not allow included (as a
 * hostile SFTP server could send). It copies through {@link HostSession}'s default offset copy, and counts connections.
 */
final class ScriptedCamera implements HostConnector, HostSession {

    record Item(String name, byte[] content, boolean folder, boolean regular, Instant modified) {
    }

    private final Map<String, List<Item>> folders = new LinkedHashMap<>();
    final List<String> copied = new ArrayList<>();
    final AtomicInteger opened = new AtomicInteger();

    ScriptedCamera folder(String path) {
        folders.computeIfAbsent(path, p -> new ArrayList<>());
        int slash = path.lastIndexOf('/');
        if (slash > 0) {
            String parent = path.substring(0, slash);
            folder(parent);
            if (folders.get(parent).stream().noneMatch(i -> i.name().equals(path.substring(slash + 1)))) {
                folders.get(parent).add(new Item(path.substring(slash + 1), new byte[0], true, false, Instant.EPOCH));
            }
        }
        return this;
    }

    ScriptedCamera file(String dir, String name, byte[] content, Instant modified) {
        folder(dir);
        folders.get(dir).add(new Item(name, content, false, true, modified));
        return this;
    }

    ScriptedCamera file(String dir, String name, String content) {
        return file(dir, name, content.getBytes(StandardCharsets.UTF_8), Instant.parse("2026-12-07T09:00:00Z"));
    }

    ScriptedCamera link(String dir, String name) {
        folder(dir);
        folders.get(dir).add(new Item(name, new byte[0], false, false, Instant.EPOCH));
        return this;
    }

    @Override
    public HostSession open(RemoteHost host) {
        opened.incrementAndGet();
        return this;
    }

    @Override
    public void trust(HostKeyRejected rejected) {
    }

    @Override
    public List<RemoteEntry> list(String remoteDir) {
        List<Item> items = folders.get(remoteDir);
        if (items == null) {
            throw new Problem("ssh.listFailed", "cam", remoteDir, "No such file");
        }
        return items.stream().map(i -> new RemoteEntry(i.name(), i.content().length, i.folder(), i.regular(),
                i.modified())).sorted(java.util.Comparator.comparing(RemoteEntry::name)).toList();
    }

    @Override
    public long copy(String remotePath, OutputStream out, long limit) {
        copied.add(remotePath);
        for (var folder : folders.entrySet()) {
            if (remotePath.startsWith(folder.getKey() + "/")) {
                String name = remotePath.substring(folder.getKey().length() + 1);
                for (Item i : folder.getValue()) {
                    if (i.name().equals(name) && i.regular()) {
                        int n = (int) Math.min(limit, i.content().length);
                        try {
                            out.write(i.content(), 0, n);
                        } catch (IOException e) {
                            throw new Problem(e, "ssh.readFailed", "cam", remotePath, e.getMessage());
                        }
                        return n;
                    }
                }
            }
        }
        throw new Problem("ssh.readFailed", "cam", remotePath, "No such file");
    }

    @Override
    public void upload(Path local, String remotePath) {
        throw new UnsupportedOperationException("a bundle uploads nothing");
    }

    @Override
    public Optional<byte[]> read(String remotePath, int limit) {
        throw new UnsupportedOperationException("a bundle reads through copy");
    }

    @Override
    public void makeDirectories(String remotePath) {
        throw new UnsupportedOperationException("a bundle creates nothing on the camera");
    }

    @Override
    public void write(String remotePath, byte[] content) {
        throw new UnsupportedOperationException("a bundle writes nothing on the camera");
    }

    @Override
    public String sha256(String remotePath) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CommandResult run(List<String> argv, Duration timeout, Consumer<String> outputLine) {
        throw new UnsupportedOperationException("a bundle runs no command");
    }

    @Override
    public void close() {
    }
}
