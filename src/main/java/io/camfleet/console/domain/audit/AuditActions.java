package io.camfleet.console.domain.audit;

/** The names of audited actions, in one place: what the audit screen and evidence exports show and filter on. */
public final class AuditActions {

    /** The fleet was read from its source into the cache. */
    public static final String FLEET_RELOAD = "fleet.reload";
    /** An unusable cache file was moved aside and a fresh one created. */
    public static final String CACHE_RECOVER = "cache.recover";
    /** The operator chose another fleet source (demo, AWS environments, an imported file). */
    public static final String FLEET_SOURCE = "fleet.source";
    /** A deployment was launched, or picked up again after the console stopped under it. */
    public static final String DEPLOY_LAUNCH = "deploy.launch";
    public static final String DEPLOY_RESUME_INTERRUPTED = "deploy.resumeInterrupted";
    /** The operator's actions on a running deployment. */
    public static final String DEPLOY_APPROVE = "deploy.approve";
    public static final String DEPLOY_PAUSE = "deploy.pause";
    public static final String DEPLOY_RESUME = "deploy.resume";
    public static final String DEPLOY_ABORT = "deploy.abort";
    public static final String DEPLOY_RETRY = "deploy.retry";
    public static final String DEPLOY_ROLLBACK = "deploy.rollback";
    /** An emergency plan overrode the error-budget guard: why, and which sites below it were let through. */
    public static final String DEPLOY_BUDGET_OVERRIDE = "deploy.budgetOverride";
    /** An SSH host key was trusted by the operator. */
    public static final String SSH_HOSTKEY_ACCEPT = "ssh.hostkey.accept";
    /** An operator took an alert on, resolved it by hand, or silenced alerts for a while. */
    public static final String ALERT_ACKNOWLEDGE = "alert.acknowledge";
    public static final String ALERT_RESOLVE = "alert.resolve";
    public static final String ALERT_SILENCE = "alert.silence";
    /**
     * Review devices: a provisioning request queued or cancelled, one applied to the device that showed up, the
     * compliance export. The actions on devices are named by {@code DeviceAction.auditAction()}.
     */
    public static final String DEVICES_QUEUE = "devices.queue";
    public static final String DEVICES_CANCEL = "devices.cancel";
    public static final String DEVICES_PROVISION = "devices.provision";
    public static final String DEVICES_EXPORT = "devices.export";
    /** EC2 images: built from a builder instance, copied to regions, deprecated, deregistered; the builder patched. */
    public static final String IMAGE_BUILD = "image.build";
    public static final String IMAGE_COPY = "image.copy";
    public static final String IMAGE_DEPRECATE = "image.deprecate";
    public static final String IMAGE_DEREGISTER = "image.deregister";
    public static final String IMAGE_PATCH = "image.patch";
    /**
     * Support tickets: created, moved to another status, escalated from L2 to L3, assigned, commented, given a
     * command's output or an attachment.
     */
    public static final String TICKET_CREATE = "ticket.create";
    public static final String TICKET_MOVE = "ticket.move";
    public static final String TICKET_ESCALATE = "ticket.escalate";
    public static final String TICKET_ASSIGN = "ticket.assign";
    public static final String TICKET_COMMENT = "ticket.comment";
    public static final String TICKET_OUTPUT = "ticket.output";
    public static final String TICKET_ATTACH = "ticket.attach";
    /** A ticket pushed to the outside tracker (Jira) as an issue. */
    public static final String TICKET_PUSH = "ticket.push";
    /**
     * A remediation runbook (it changes the cameras: a restart, a reboot, a cleared cache) was run on cameras, as the
     * operator confirmed it. Diagnostics only look and are recorded in their ticket.
     */
    public static final String DIAG_REMEDIATE = "diag.remediate";
    /** A camera's configuration folder was backed up as a version; a version was written back to a camera. */
    public static final String BACKUP_TAKE = "backup.take";
    public static final String BACKUP_RESTORE = "backup.restore";
    /** A map image was exported. */
    public static final String MAP_SNAPSHOT = "map.snapshot";
    /**
     * Security findings were imported (a file, or Inspector's for an environment); a finding was accepted as a risk
     * until a date; an acceptance ran out and the finding is open again (recorded once, when first read after).
     */
    public static final String FINDINGS_IMPORT = "findings.import";
    public static final String FINDING_ACCEPT = "finding.accept";
    public static final String FINDING_ACCEPT_EXPIRED = "finding.accept.expired";
    /**
     * An audit evidence pack was written: the period, the file, and once written the SHA-256 of the ZIP and of its
     * manifest, so that the sealed trail vouches for the pack handed out.
     */
    public static final String REPORT_EVIDENCE = "report.evidence";

    private AuditActions() {
    }
}
