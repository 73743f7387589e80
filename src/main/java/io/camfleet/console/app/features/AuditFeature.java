package io.camfleet.console.app.features;

import io.camfleet.console.cli.AuditCommand;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.ui.audit.AuditView;
import io.camfleet.console.ui.audit.AuditViewModel;
import io.camfleet.console.ui.shell.Screen;
import io.camfleet.console.ui.shell.ScreenRegistry;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.List;

/**
 * The audit trail: who did what, when, with what outcome, hash-chained. The trail itself belongs to every open
 * folder (every capability writes to it); this feature shows and verifies it.
 */
public final class AuditFeature implements Feature {

    public static final Screen AUDIT = new Screen("AUDIT", Material2MZ.POLICY);

    @Override
    public void window(WindowContext w, ScreenRegistry.Builder screens) {
        screens.add(AUDIT, () -> new AuditView(new AuditViewModel(w.session().audit(), w.tasks(), w.messages()),
                w.messages(), w.zone()));
    }

    @Override
    public List<Object> commands(Messages m) {
        return List.of(new AuditCommand(m));
    }
}
