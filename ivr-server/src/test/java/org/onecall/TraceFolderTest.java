package org.onecall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** The tests that replay real Asterisk: skipped on a laptop without the recordings, never on CI. */
class TraceFolderTest {
    @TempDir
    Path tmp;

    @Test
    void missingRecordings_onADevelopersMachine_skipTheTest() {
        assertThatThrownBy(() -> TestFiles.traces(tmp.resolve("absent"), false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("no Asterisk recordings");
    }

    @Test
    void missingRecordings_onCi_failTheTestSayingWhere() {
        assertThatThrownBy(() -> TestFiles.traces(tmp.resolve("absent"), true))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(tmp.resolve("absent").toString())
                .hasMessageContaining("CI is set");
    }

    @Test
    void emptyFolder_onCi_failsToo() throws Exception {
        Files.writeString(tmp.resolve("README.txt"), "only the readme");

        assertThatThrownBy(() -> TestFiles.traces(tmp, true)).isInstanceOf(AssertionError.class);
    }

    @Test
    void recordings_areListedByName_withoutTheReadme() throws Exception {
        Files.writeString(tmp.resolve("README.txt"), "");
        Files.writeString(tmp.resolve("record.txt"), "");
        Files.writeString(tmp.resolve("ivr.txt"), "");

        assertThat(TestFiles.traces(tmp, true)).containsExactly(tmp.resolve("ivr.txt"), tmp.resolve("record.txt"));
    }
}
