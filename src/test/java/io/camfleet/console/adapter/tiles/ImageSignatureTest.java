package io.camfleet.console.adapter.tiles;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ImageSignatureTest {

    @Test
    void pngAndJpegTilesAreImages() throws IOException {
        assertThat(ImageSignature.isImage(encode("png"))).isTrue();
        assertThat(ImageSignature.isImage(encode("jpg"))).isTrue();
    }

    @Test
    void aWebpTileIsAnImage() {
        // RIFF, the file size, then WEBP: the header every WebP file starts with.
        byte[] webp = {'R', 'I', 'F', 'F', 0x24, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' '};
        assertThat(ImageSignature.isImage(webp)).isTrue();
    }

    @Test
    void htmlOtherRiffFilesAndTooFewBytesAreNotImages() {
        assertThat(ImageSignature.isImage("<html>oops</html>".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(ImageSignature.isImage(new byte[] {'R', 'I', 'F', 'F', 0x24, 0, 0, 0, 'W', 'A', 'V', 'E'}))
                .isFalse();
        assertThat(ImageSignature.isImage(new byte[] {(byte) 0x89, 'P', 'N'})).isFalse();
        assertThat(ImageSignature.isImage(new byte[0])).isFalse();
    }

    private static byte[] encode(String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }
}
