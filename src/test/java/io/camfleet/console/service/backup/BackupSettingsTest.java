package io.camfleet.console.service.backup;

import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BackupSettingsTest {

    private static BackupSettings read(BackupSettings.Stored stored) {
        return BackupSettings.SECTION.read(stored);
    }

    @Test
    void missingValuesAreTheDefaultsAndAWrittenSectionReadsBackTheSame() {
        assertThat(read(new BackupSettings.Stored(null, null, null, null, null, null)))
                .isEqualTo(BackupSettings.DEFAULTS);
        BackupSettings mine = new BackupSettings("/opt/cam/etc", 1000, 20, "bucket", "backups/", "prod");
        assertThat(BackupSettings.SECTION.read(BackupSettings.SECTION.write(mine))).isEqualTo(mine);
        assertThat(mine.offsite()).isTrue();
        assertThat(BackupSettings.DEFAULTS.offsite()).isFalse();
    }

    @Test
    void aRelativeOrClimbingFolderAndBoundsOutOfRangeAreRefusedWithASentence() {
        Messages m = new Messages(Locale.ENGLISH);
        Problem relative = catchThrowableOfType(Problem.class,
                () -> read(new BackupSettings.Stored("etc/camos", null, null, null, null, null)));
        assertThat(m.text(relative)).isEqualTo("The backup settings name 'etc/camos' as the configuration folder: "
                + "give an absolute path without '..', such as /etc/camos.");
        assertThat(catchThrowableOfType(Problem.class,
                () -> read(new BackupSettings.Stored("/etc/../root", null, null, null, null, null))).key())
                .isEqualTo("backup.settings.folder");
        Problem bounds = catchThrowableOfType(Problem.class,
                () -> read(new BackupSettings.Stored(null, 0L, 10, null, null, null)));
        assertThat(m.text(bounds)).startsWith("The backup settings allow 0 bytes and 10 files per version");
        assertThat(catchThrowableOfType(Problem.class,
                () -> read(new BackupSettings.Stored(null, null, 100_001, null, null, null))).key())
                .isEqualTo("backup.settings.bounds");
    }
}
