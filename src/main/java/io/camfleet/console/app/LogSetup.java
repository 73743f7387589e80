package io.camfleet.console.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;
import io.camfleet.console.adapter.files.DataFolder;
import io.camfleet.console.cli.VersionProvider;
import io.camfleet.console.domain.text.SecretRedaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * This process's log file in {@code <data folder>/logs}, started once the command line names the data folder
 * (logback.xml sets levels only, so nothing is written anywhere before). Each process writes a file of its own,
 * {@code camfleet-<start>-<pid>.log}, rolled at {@link #FILE_SIZE} into {@code .1.log} … {@code .3.log}: logback's
 * rolling file is not safe for several processes writing one file. Old files of processes that have ended are removed
 * at start, oldest first, to keep the folder under {@link #FOLDER_CAP}. The folder is the user's alone (0700, files
 * 0600), and every line is redacted of secrets ({@link SecretRedaction}) before it is written.
 */
final class LogSetup {

    static final FileSize FILE_SIZE = FileSize.valueOf("5MB");
    static final int ROLLED = 3;
    /** Logs of ended processes are removed down to this, less what this process may write itself. */
    static final long FOLDER_CAP = 50L * 1024 * 1024;
    /** How often the file's size is looked at (logback's default, a minute, let a burst grow it far past its size). */
    static final Duration SIZE_CHECK = Duration.buildBySeconds(1);
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg%n";

    private static final String APPENDER = "FILE";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** This version's files ({@code camfleet-<start>-<pid>[.n].log}) and earlier versions' ({@code camfleet[.n].log}). */
    private static final Pattern LOG_FILE = Pattern.compile("camfleet(?:-(\\d{8}T\\d{6}Z)-(\\d+))?(?:\\.\\d+)?\\.log");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private LogSetup() {
    }

    /**
     * Starts this process's log file in the data folder's {@code logs}. A folder that cannot be written gets no log
     * (never one in a shared temporary folder): the command then says what is wrong with the data folder.
     *
     * @return the file, or empty when there is none
     */
    static Optional<Path> useFolder(Path dataFolder) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return Optional.empty();
        }
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(APPENDER) != null) {
            return Optional.empty();
        }
        Path logs = new DataFolder(dataFolder).logFolder();
        try {
            makePrivateFolder(logs);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        long pid = ProcessHandle.current().pid();
        prune(logs, FOLDER_CAP - FILE_SIZE.getSize() * (ROLLED + 1));
        String name = "camfleet-" + STAMP.format(now) + "-" + pid;
        root.addAppender(fileAppender(context, logs, name, FILE_SIZE));
        LoggerFactory.getLogger(LogSetup.class).info("CamFleet Console {}, process {}, data folder {}",
                VersionProvider.version(), pid, dataFolder);
        return Optional.of(logs.resolve(name + ".log"));
    }

    private static void makePrivateFolder(Path logs) throws IOException {
        Files.createDirectories(logs.getParent());
        if (POSIX) {
            try {
                Files.createDirectory(logs, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException e) {
                // Made by an earlier version, readable by all.
                Files.setPosixFilePermissions(logs, PosixFilePermissions.fromString("rwx------"));
            }
        } else {
            Files.createDirectories(logs);
        }
        if (!Files.isWritable(logs)) {
            throw new IOException(logs + " is not writable");
        }
    }

    /** The appender writing {@code folder/name.log}, rolled at {@code size} into {@link #ROLLED} older files. */
    static RollingFileAppender<ILoggingEvent> fileAppender(LoggerContext context, Path folder, String name,
                                                           FileSize size) {
        RedactingLayout layout = new RedactingLayout();
        layout.setContext(context);
        layout.setPattern(PATTERN);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        PrivateFileAppender appender = new PrivateFileAppender();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setFile(folder.resolve(name + ".log").toString());
        appender.setEncoder(encoder);
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(folder.resolve(name + ".%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(ROLLED);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(size);
        trigger.setCheckIncrement(SIZE_CHECK);
        trigger.start();
        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(trigger);
        appender.start();
        return appender;
    }

    /**
     * Removes log files of processes that have ended, oldest first, until the folder's logs take at most
     * {@code keep} bytes. A running process's files stay (the process still writes them).
     */
    static void prune(Path logs, long keep) {
        record LogFile(Path path, long size, FileTime modified, boolean running) {
        }
        List<LogFile> files = new ArrayList<>();
        try (Stream<Path> listed = Files.list(logs)) {
            for (Path p : (Iterable<Path>) listed::iterator) {
                Matcher m = LOG_FILE.matcher(p.getFileName().toString());
                if (m.matches() && Files.isRegularFile(p)) {
                    files.add(new LogFile(p, Files.size(p), Files.getLastModifiedTime(p),
                            m.group(2) != null && running(Long.parseLong(m.group(2)), m.group(1))));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return; // a file went away meanwhile, or a name out of range: the next start prunes
        }
        long total = files.stream().mapToLong(LogFile::size).sum();
        List<LogFile> ended = files.stream().filter(f -> !f.running())
                .sorted(Comparator.comparing(LogFile::modified)).toList();
        for (LogFile f : ended) {
            if (total <= keep) {
                break;
            }
            try {
                Files.deleteIfExists(f.path());
                total -= f.size();
            } catch (IOException e) {
                // Another process's file that cannot be removed stays; the next start tries again.
            }
        }
    }

    /** Whether process {@code pid} runs and is the one that started the file (not a later one given its number). */
    private static boolean running(long pid, String stamp) {
        Instant started = STAMP.parse(stamp, Instant::from);
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(h -> h.info().startInstant().map(s -> !s.isAfter(started.plusSeconds(1))).orElse(true))
                .orElse(false);
    }

    /** The log file's layout, with secrets redacted from the whole line: message, arguments and stack trace. */
    static final class RedactingLayout extends PatternLayout {
        @Override
        public String doLayout(ILoggingEvent event) {
            return SecretRedaction.redact(super.doLayout(event));
        }
    }

    /** A rolling file created readable by the user alone, the first and each one after a roll. */
    static final class PrivateFileAppender extends RollingFileAppender<ILoggingEvent> {
        @Override
        public void openFile(String fileName) throws IOException {
            if (POSIX) {
                Path file = Path.of(fileName);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
                } catch (FileAlreadyExistsException e) {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                }
            }
            super.openFile(fileName);
        }
    }
}
