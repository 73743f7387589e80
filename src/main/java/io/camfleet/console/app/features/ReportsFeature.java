package io.camfleet.console.app.features;

import io.camfleet.console.adapter.os.FolderOpener;
import io.camfleet.console.adapter.reports.FastExcelSheetWriter;
import io.camfleet.console.adapter.reports.OpenPdfRenderer;
import io.camfleet.console.adapter.reports.PdfBoxPreview;
import io.camfleet.console.cli.ReportCommand;
import io.camfleet.console.domain.reports.ReportKind;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.fleet.FleetService;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.reports.ComplianceReports;
import io.camfleet.console.service.reports.CsvTables;
import io.camfleet.console.service.reports.EvidencePacks;
import io.camfleet.console.service.reports.PdfRenderer;
import io.camfleet.console.service.reports.ReportService;
import io.camfleet.console.service.reports.ReportSource;
import io.camfleet.console.service.reports.SalesProposals;
import io.camfleet.console.ui.reports.ReportsView;
import io.camfleet.console.ui.reports.ReportsViewModel;
import io.camfleet.console.ui.shell.Screen;
import io.camfleet.console.ui.shell.ScreenRegistry;
import org.kordamp.ikonli.material2.Material2AL;

import java.util.List;
import java.util.function.Consumer;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The reports screen and {@code camfleet report}: exports of the sales proposal ({@link SalesReportsFeature}), the
 * compliance report ({@link ComplianceReportsFeature}) and the evidence pack, saved (scheduled) reports, recent
 * exports.
 */
public final class ReportsFeature implements Feature {

    public static final Screen REPORTS = new Screen("REPORTS", Material2AL.ASSESSMENT);

    @Override
    public void open(OpenFolder folder, FolderParts.Builder parts) {
        Supplier<Optional<SalesProposals>> sales = parts.reference(SalesProposals.class);
        Supplier<Optional<ComplianceReports>> compliance = parts.reference(ComplianceReports.class);
        Function<ReportKind, Optional<ReportSource>> sources = kind -> switch (kind) {
            case SALES -> sales.get().map(ReportSource.class::cast);
            case COMPLIANCE -> compliance.get().map(ReportSource.class::cast);
            case EVIDENCE -> Optional.empty();
        };
        parts.add(ReportService.class, new Lazy<>(() -> {
            PdfRenderer pdf = new OpenPdfRenderer();
            EvidencePacks packs = new EvidencePacks(() -> sources.apply(ReportKind.COMPLIANCE).orElseThrow(
                    () -> new Problem("report.export.noSource", ReportKind.COMPLIANCE.cliName())), pdf,
                    folder.audit(), folder.clock());
            return new ReportService(sources, pdf, new FastExcelSheetWriter(), CsvTables::write, packs, folder.audit(),
                    folder.folder().path(), folder.clock());
        }));
    }

    @Override
    public void window(WindowContext w, ScreenRegistry.Builder screens) {
        screens.add(REPORTS, () -> {
            FleetService fleet = w.session().fleet();
            ReportsViewModel vm = new ReportsViewModel(w.session().part(ReportService.class), new PdfBoxPreview(),
                    () -> fleet.current().inventory().regions(), w.tasks(), w.messages(), w.fx());
            // the screen may be built before the fleet is read: its regions follow the fleet
            Consumer<FleetSnapshot> regions = s -> {
                List<String> now = s.inventory().regions();
                w.fx().execute(() -> vm.regions(now));
            };
            fleet.addListener(regions);
            w.onClose(() -> fleet.removeListener(regions));
            return new ReportsView(vm, w.messages(), w.zone(), file -> w.workers().execute(
                    () -> FolderOpener.open(file)));
        });
    }

    @Override
    public List<Object> commands(Messages m) {
        return List.of(new ReportCommand(m));
    }
}
