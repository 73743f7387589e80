package io.camfleet.console.adapter.store;

import io.camfleet.console.domain.findings.Finding;
import io.camfleet.console.domain.findings.PatchState;
import io.camfleet.console.domain.findings.RiskAcceptance;
import io.camfleet.console.domain.findings.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Findings, acceptances and patch states (V15), on H2 and on PostgreSQL. */
@ParameterizedClass(name = "on {0}")
@EnumSource(StoreEngine.class)
class JdbcFindingStoreTest {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    @Parameter
    StoreEngine engine;

    @TempDir
    Path dir;
    private StoreEngine.TestDatabase db;
    private JdbcFindingStore store;

    @BeforeEach
    void open() {
        db = engine.open(dir);
        store = new JdbcFindingStore(db.dataSource());
    }

    @AfterEach
    void close() {
        db.close();
    }

    static Finding finding(String id, String source, Severity s, String cve, String host) {
        return new Finding(id, source, cve, s, "openssl", host, "ami-1", "t", T0);
    }

    @Test
    void anImportReplacesOnlyTheFindingsOfItsSourceAndTheyReadWorstFirst() {
        store.replace("csv", List.of(finding("c1", "csv", Severity.LOW, "CVE-1", "cam-1"),
                finding("c2", "csv", Severity.CRITICAL, "CVE-2", "cam-2")), T0);
        store.replace("inspector:prod", List.of(finding("arn:1", "inspector:prod", Severity.HIGH, "CVE-3",
                "i-1")), T0);
        store.replace("csv", List.of(finding("c3", "csv", Severity.MEDIUM, "CVE-4", "cam-1")), T0);

        assertThat(store.findings()).extracting(Finding::id).containsExactly("arn:1", "c3");
        assertThat(store.finding("arn:1")).get().isEqualTo(finding("arn:1", "inspector:prod", Severity.HIGH,
                "CVE-3", "i-1"));
        assertThat(store.finding("c1")).isEmpty();
    }

    @Test
    void eachSourceSaysWhenItWasLastImportedAndAnEmptyImportListsItNoMore() {
        Instant later = T0.plusSeconds(3600);
        store.replace("csv", List.of(finding("c1", "csv", Severity.LOW, "CVE-1", "cam-1")), T0);
        store.replace("inspector:eu", List.of(finding("arn:1", "inspector:eu", Severity.HIGH, "CVE-3", "i-1")),
                T0);
        store.replace("inspector:eu", List.of(finding("arn:2", "inspector:eu", Severity.HIGH, "CVE-4", "i-1")),
                later);

        assertThat(store.importedAt()).containsExactly(java.util.Map.entry("csv", T0),
                java.util.Map.entry("inspector:eu", later));
        store.replace("csv", List.of(), later);
        assertThat(store.importedAt()).containsOnlyKeys("inspector:eu");
    }

    @Test
    void aFailedImportLeavesTheEarlierOneWhole() {
        store.replace("csv", List.of(finding("c1", "csv", Severity.LOW, "CVE-1", "cam-1")), T0);
        // the second row's CVE is wider than its column (300): the whole transaction is rolled back
        List<Finding> bad = List.of(finding("c2", "csv", Severity.LOW, "CVE-2", "cam-1"),
                finding("c3", "csv", Severity.LOW, "C".repeat(301), "cam-1"));

        assertThatThrownBy(() -> store.replace("csv", bad, T0)).isInstanceOf(RuntimeException.class);
        assertThat(store.findings()).extracting(Finding::id).containsExactly("c1");
    }

    @Test
    void anAcceptanceIsKeptReplacedAndItsExpiryMarkedByOneCallerOnly() throws Exception {
        RiskAcceptance a = new RiskAcceptance("c1", "isolated VLAN", LocalDate.of(2027, 1, 31), "nina", T0, false);
        store.accept(a);
        assertThat(store.acceptances()).containsEntry("c1", a);
        RiskAcceptance longer = new RiskAcceptance("c1", "vendor fix in 4.3", LocalDate.of(2027, 3, 31), "omar",
                T0.plusSeconds(60), false);
        store.accept(longer);
        assertThat(store.acceptances()).containsExactly(java.util.Map.entry("c1", longer));

        ExecutorService pair = Executors.newFixedThreadPool(2);
        try {
            var first = CompletableFuture.supplyAsync(() -> store.markExpiryRecorded("c1"), pair);
            var second = CompletableFuture.supplyAsync(() -> store.markExpiryRecorded("c1"), pair);
            assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(true, false);
        } finally {
            pair.shutdownNow();
        }
        assertThat(store.acceptances().get("c1").expiryRecorded()).isTrue();
        assertThat(store.markExpiryRecorded("nope")).isFalse();
    }

    @Test
    void patchStatesAreReplacedPerSource() {
        PatchState a = new PatchState("mi-1", "ssm:prod", "pb-1", 96, 4, 2, T0);
        PatchState b = new PatchState("mi-2", "ssm:staging", "pb-2", 10, 0, 0, T0);
        store.replacePatchStates("ssm:prod", List.of(a));
        store.replacePatchStates("ssm:staging", List.of(b));
        store.replacePatchStates("ssm:prod", List.of());

        assertThat(store.patchStates()).containsExactly(b);
    }

    @Test
    void findingsSurviveClosingAndReopening() {
        store.replace("csv", List.of(finding("c1", "csv", Severity.LOW, "CVE-1", "cam-1")), T0);
        db.close();
        db = engine.open(dir);
        store = new JdbcFindingStore(db.dataSource());

        assertThat(store.findings()).extracting(Finding::id).containsExactly("c1");
    }
}
