package io.camfleet.console.service.store;

import io.camfleet.console.service.alerts.AlertStore;
import io.camfleet.console.service.alerts.DeliveryLog;
import io.camfleet.console.service.audit.AuditTrail;
import io.camfleet.console.service.backup.BackupStore;
import io.camfleet.console.service.availability.HealthHistory;
import io.camfleet.console.service.deploy.DeploymentJournal;
import io.camfleet.console.service.deploy.ReleaseStore;
import io.camfleet.console.service.devices.DeviceStore;
import io.camfleet.console.service.estate.SnapshotStore;
import io.camfleet.console.service.findings.FindingStore;
import io.camfleet.console.service.fleet.ImageChanges;
import io.camfleet.console.service.support.TicketStore;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Port: the console's database, where each capability keeps what it stores. The composition root opens one per data
 * folder and hands each capability its store from here, so that nothing else names the database behind them. The
 * first implementation is the H2 file in the data folder; its SQL is portable, and its tests and migrations also run
 * on PostgreSQL, for team mode later.
 *
 * <p>Writes that announce or report something (a journal transition, a lease, an audit event, a fleet replaced, a
 * sync finished) are on the disk when they return, whatever the database.
 */
public interface Database extends AutoCloseable {

    /** The fleet's cache: what the fleet service and the environment syncs write, with the health history. */
    FleetStore fleet();

    /** The cameras' image changes, which the fleet's cache records as it is written. */
    ImageChanges imageChanges();

    /** The long health history availability is computed from, which the fleet's cache records as it is written. */
    HealthHistory healthHistory();

    AuditTrail auditTrail();

    /** The deployment journal, with the leases that say who runs a deployment. */
    DeploymentJournal journal();

    ReleaseStore releases();

    /** Alerts, their steps and the operators' silences. */
    AlertStore alerts();

    /** Alert notices on their way out through the routes, with every attempt. */
    DeliveryLog deliveries();

    /** The review devices as last synced, each device's history, and the provisioning queue. */
    DeviceStore devices();

    /** Support tickets with their timelines. */
    TicketStore tickets();

    /** The versions of the cameras' configuration folders, with their files. */
    BackupStore backups();

    /** Security findings, their risk acceptances, and the hosts' patch states. */
    FindingStore findings();

    /** The AWS estate as last read (images, patch states, Terraform state, cost), per environment and kind. */
    SnapshotStore snapshots();

    /** Where an unreadable database was moved aside when it was opened, if one was (a file database only). */
    Optional<Path> movedAside();

    /** Closes the database, so that the next console can open it. */
    @Override
    void close();
}
