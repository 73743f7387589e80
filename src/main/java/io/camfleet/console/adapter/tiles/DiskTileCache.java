package io.camfleet.console.adapter.tiles;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Tiles on disk, one file per tile: {@code <root>/<provider>/<z>/<x>/<y>.tile}, where {@code <provider>} is a hash of
 * the URL template so that switching providers never mixes their tiles.
 *
 * <p>The size cap holds for the whole root, every provider together: it is the room the operator gave the cache, and
 * the tiles of a provider no longer in use are the least recently used, so they go first. "Used" is the file's
 * last-modified time, set when a tile is written and again each time it is read.
 */
final class DiskTileCache {

    private static final Logger LOG = LoggerFactory.getLogger(DiskTileCache.class);

    private static final String TILE = ".tile";
    private static final String PART = ".tile.part";
    /** Evicting below the cap makes eviction (a walk of the folder) run once every many writes, not on each. */
    private static final double FILL_AFTER_EVICTION = 0.9;
    /** A partial file this old was left by a crash, not by a write still in progress. */
    private static final Duration ABANDONED = Duration.ofHours(1);

    private final Path root;
    private final Path providerFolder;
    private final long capBytes;

    /** Bytes of tiles under the root as far as this cache knows; -1 until measured once. Guarded by this. */
    private long knownBytes = -1;

    DiskTileCache(Path root, String urlTemplate, long capBytes) {
        this.root = root;
        this.providerFolder = root.resolve(providerFolderName(urlTemplate));
        this.capBytes = capBytes;
    }

    /** The tile if it is on disk; refreshes its last use so that it is evicted last. */
    Optional<byte[]> read(int zoom, int x, int y) {
        Path file = file(zoom, x, y);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("Could not read cached tile {}: {}", file, e.toString());
            return Optional.empty();
        }
        // Only images are ever written; anything else was put there by someone else and is fetched again.
        if (!ImageSignature.isImage(bytes)) {
            return Optional.empty();
        }
        try {
            Files.setLastModifiedTime(file, now());
        } catch (IOException e) {
            // Evicted meanwhile or a read-only cache: the bytes are still good.
            LOG.debug("Could not mark tile {} as used: {}", file, e.toString());
        }
        return Optional.of(bytes);
    }

    /**
     * Stores the tile through a temporary file and an atomic move, so that a crash never leaves half a tile, then
     * keeps the cache under its cap. A failure is logged, never thrown: the tile was fetched and still shows.
     */
    void write(int zoom, int x, int y, byte[] bytes) {
        Path file = file(zoom, x, y);
        Path part = null;
        try {
            Files.createDirectories(file.getParent());
            part = Files.createTempFile(file.getParent(), y + "-", PART);
            Files.write(part, bytes);
            Files.setLastModifiedTime(part, now());
            synchronized (this) {
                long replaced = sizeOrZero(file);
                Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                part = null;
                account(bytes.length - replaced);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not cache tile {}: {}", file, e.toString());
            deleteQuietly(part);
        }
    }

    private Path file(int zoom, int x, int y) {
        return providerFolder.resolve(Integer.toString(zoom)).resolve(Integer.toString(x)).resolve(y + TILE);
    }

    private void account(long addedBytes) {
        assert Thread.holdsLock(this);
        knownBytes = knownBytes < 0 ? tilesOnDisk().stream().mapToLong(CachedTile::bytes).sum()
                : knownBytes + addedBytes;
        if (knownBytes > capBytes) {
            evictDownTo((long) (capBytes * FILL_AFTER_EVICTION));
        }
    }

    /** Deletes least recently used tiles first; measures afresh, as other caches may share the root. */
    private void evictDownTo(long targetBytes) {
        List<CachedTile> tiles = tilesOnDisk();
        tiles.sort(Comparator.comparing(CachedTile::lastUsed));
        long total = tiles.stream().mapToLong(CachedTile::bytes).sum();
        for (CachedTile tile : tiles) {
            if (total <= targetBytes) {
                break;
            }
            try {
                Files.deleteIfExists(tile.file());
                total -= tile.bytes();
            } catch (IOException e) {
                LOG.warn("Could not evict cached tile {}: {}", tile.file(), e.toString());
            }
        }
        knownBytes = total;
    }

    /** Every tile under the root; clears partial files left by a crash on the way. */
    private List<CachedTile> tilesOnDisk() {
        List<CachedTile> tiles = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return tiles;
        }
        FileTime abandonedBefore = FileTime.from(Instant.now().minus(ABANDONED));
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(PART)) {
                        if (attributes.lastModifiedTime().compareTo(abandonedBefore) < 0) {
                            deleteQuietly(file);
                        }
                    } else if (name.endsWith(TILE)) {
                        tiles.add(new CachedTile(file, attributes.lastModifiedTime(), attributes.size()));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // evicted by another cache while walking
                }
            });
        } catch (IOException e) {
            LOG.warn("Could not measure the tile cache {}: {}", root, e.toString());
        }
        return tiles;
    }

    /**
     * File systems stamp files from a coarse clock, so tiles written in the same few milliseconds would tie; the
     * precise clock keeps the order in which they were used.
     */
    private static FileTime now() {
        return FileTime.from(Instant.now());
    }

    private static long sizeOrZero(Path file) throws IOException {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            return 0;
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("Could not delete {}: {}", file, e.toString());
        }
    }

    /** A short, stable folder name per URL template; the template itself holds characters no file system takes. */
    private static String providerFolderName(String urlTemplate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(urlTemplate.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(Arrays.copyOf(digest, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private record CachedTile(Path file, FileTime lastUsed, long bytes) {
    }
}
