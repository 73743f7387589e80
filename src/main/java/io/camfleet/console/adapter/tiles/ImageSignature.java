package io.camfleet.console.adapter.tiles;

/**
 * Recognises the image formats tile servers send (PNG, JPEG, WebP) by their first bytes. Servers behind captive
 * portals, proxies and rate limiters often answer 200 with an HTML page; that must never reach the map or the cache.
 */
final class ImageSignature {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] RIFF = {'R', 'I', 'F', 'F'};
    private static final byte[] WEBP = {'W', 'E', 'B', 'P'};

    private ImageSignature() {
    }

    /** Whether the bytes start like a PNG, JPEG or WebP image. */
    static boolean isImage(byte[] bytes) {
        return startsWith(bytes, 0, PNG) || startsWith(bytes, 0, JPEG)
                || (startsWith(bytes, 0, RIFF) && startsWith(bytes, 8, WEBP));
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] signature) {
        if (bytes.length < offset + signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (bytes[offset + i] != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
