package io.camfleet.console.domain.backup;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VersionChecksumTest {

    private static ConfigFile file(String path, String content) {
        return TakenFile.of(path, content.getBytes(StandardCharsets.UTF_8)).file();
    }

    @Test
    void theChecksumIsSha256OverSortedPathsAndFileChecksums() {
        // By hand, with coreutils:
        //   printf 'x=1\n' | sha256sum -> 98752ee28d5484bdc2814fb70adb6a0b2fb31f6a9b8ee7ae81fd2fc9cf300b3b
        //   printf 'y=2\n' | sha256sum -> 8d4fcaba37762a136956fa1c4d68af2caef50ccdbc0ebe930b05168657afbe29
        //   printf "a.conf\0<first>\nsub/b.conf\0<second>\n" | sha256sum -> 6818827f...05132
        ConfigFile a = file("a.conf", "x=1\n");
        ConfigFile b = file("sub/b.conf", "y=2\n");
        assertThat(a.sha256()).isEqualTo("98752ee28d5484bdc2814fb70adb6a0b2fb31f6a9b8ee7ae81fd2fc9cf300b3b");

        assertThat(VersionChecksum.of(List.of(b, a)))
                .isEqualTo("6818827fd28e898cb128e29ed66fcf29e538e514c21f1d91d855d1c9b6c05132")
                .isEqualTo(VersionChecksum.of(List.of(a, b)));
    }

    @Test
    void aRenamedFileOrChangedBytesGiveAnotherChecksum() {
        String base = VersionChecksum.of(List.of(file("a.conf", "x=1\n")));

        assertThat(VersionChecksum.of(List.of(file("b.conf", "x=1\n")))).isNotEqualTo(base);
        assertThat(VersionChecksum.of(List.of(file("a.conf", "x=2\n")))).isNotEqualTo(base);
        assertThat(VersionChecksum.of(List.of())).isNotEqualTo(base);
    }
}
