package io.camfleet.console.adapter.sim;

import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.deploy.CommandResult;
import io.camfleet.console.service.deploy.HostSession;
import io.camfleet.console.service.deploy.RemoteEntry;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** A session on one demo camera: its files as {@link DemoCameraFiles} has them, its commands' outputs canned. */
final class DemoHostSession implements HostSession {

    /** A demo host takes no upload larger than this (a release to the demo is simulated elsewhere). */
    private static final long UPLOAD_LIMIT = 64L * 1024 * 1024;

    private final DemoCamera camera;
    private final String address;
    private final DemoCameraFiles files;
    private final double pace;
    private volatile boolean closed;

    DemoHostSession(DemoCamera camera, String address, DemoCameraFiles files, double pace) {
        this.camera = camera;
        this.address = address;
        this.files = files;
        this.pace = pace;
    }

    private Map<String, DemoCameraFiles.File> tree() {
        if (closed) {
            throw new Problem("ssh.connectionLost", address, "the session is closed");
        }
        return files.tree(camera);
    }

    @Override
    public void upload(Path local, String remotePath) {
        String path = DemoCameraFiles.normal(remotePath);
        try {
            if (Files.size(local) > UPLOAD_LIMIT) {
                throw new Problem("ssh.uploadFailed", local, address, remotePath, "too large for a demo camera");
            }
            write(path, Files.readAllBytes(local), remotePath);
        } catch (IOException e) {
            throw new Problem(e, "ssh.uploadFailed", local, address, remotePath, e.getMessage());
        }
    }

    @Override
    public Optional<byte[]> read(String remotePath, int limit) {
        DemoCameraFiles.File f = tree().get(DemoCameraFiles.normal(remotePath));
        return f == null ? Optional.empty()
                : Optional.of(Arrays.copyOf(f.content(), Math.min(limit, f.content().length)));
    }

    @Override
    public List<RemoteEntry> list(String remoteDir) {
        String dir = DemoCameraFiles.normal(remoteDir);
        Map<String, DemoCameraFiles.File> tree = tree();
        Set<String> folders = files.folders(camera, tree);
        if (dir == null || !folders.contains(dir)) {
            throw new Problem("ssh.listFailed", address, remoteDir, "No such file");
        }
        String prefix = dir.equals("/") ? "/" : dir + "/";
        List<RemoteEntry> out = new ArrayList<>();
        for (String folder : folders) {
            if (folder.startsWith(prefix) && folder.length() > prefix.length()
                    && folder.indexOf('/', prefix.length()) < 0) {
                out.add(new RemoteEntry(folder.substring(prefix.length()), 0, true, false, camera.now()));
            }
        }
        tree.forEach((path, f) -> {
            if (DemoCameraFiles.parent(path).equals(dir)) {
                out.add(new RemoteEntry(path.substring(prefix.length()), f.content().length, false, true,
                        f.modified()));
            }
        });
        out.sort(java.util.Comparator.comparing(RemoteEntry::name));
        return out;
    }

    @Override
    public long copy(String remotePath, OutputStream out, long limit) {
        return copy(remotePath, 0, out, limit);
    }

    @Override
    public long copy(String remotePath, long offset, OutputStream out, long limit) {
        DemoCameraFiles.File f = tree().get(DemoCameraFiles.normal(remotePath));
        if (f == null) {
            throw new Problem("ssh.readFailed", address, remotePath, "No such file");
        }
        int from = (int) Math.min(offset, f.content().length);
        int n = (int) Math.min(limit, f.content().length - from);
        try {
            out.write(f.content(), from, n);
        } catch (IOException e) {
            // as over SSH: the copy failed, whichever end failed it; the caller knows its own stream
            throw new Problem(e, "ssh.readFailed", address, remotePath, e.getMessage());
        }
        return n;
    }

    @Override
    public void makeDirectories(String remotePath) {
        String path = DemoCameraFiles.normal(remotePath);
        if (path == null) {
            throw new Problem("ssh.mkdirFailed", address, remotePath, "not an absolute path");
        }
        tree();
        files.makeDirectories(camera.camera().id(), path);
    }

    @Override
    public void write(String remotePath, byte[] content) {
        write(DemoCameraFiles.normal(remotePath), content, remotePath);
    }

    private void write(String path, byte[] content, String asGiven) {
        if (path == null || !files.folders(camera, tree()).contains(DemoCameraFiles.parent(path))) {
            throw new Problem("ssh.writeFailed", address, asGiven, "No such file");
        }
        files.write(camera.camera().id(), path, content, Instant.now());
    }

    @Override
    public String sha256(String remotePath) {
        DemoCameraFiles.File f = tree().get(DemoCameraFiles.normal(remotePath));
        if (f == null) {
            throw new Problem("ssh.sha256Failed", address, remotePath, "No such file or directory");
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(f.content()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code sh -c COMMAND} (how the runbooks run) and a command's own argv get the same canned reply. */
    @Override
    public CommandResult run(List<String> argv, Duration timeout, Consumer<String> outputLine) {
        tree();
        String command = argv.size() >= 3 && argv.get(0).equals("sh") && argv.get(1).equals("-c") ? argv.get(2)
                : String.join(" ", argv);
        DemoCameraOutputs.Reply reply = DemoCameraOutputs.answer(camera, command);
        Duration takes = DemoCameraHosts.paced(reply.takes(), pace);
        if (takes.compareTo(timeout) > 0) {
            DemoCameraHosts.sleep(timeout);
            return new CommandResult(-1, true);
        }
        DemoCameraHosts.sleep(takes);
        reply.output().lines().forEach(outputLine);
        if (reply.drops()) {
            closed = true;
            throw new Problem("ssh.connectionLost", address, "the camera is rebooting");
        }
        return new CommandResult(reply.exitCode(), false);
    }

    @Override
    public void close() {
        closed = true;
    }
}
