package io.camfleet.console.domain;

/**
 * The result of checking the audit chain.
 *
 * @param checked      how many events were found intact before the first broken link
 * @param firstBroken  sequence number of the first broken link, or 0 when intact
 * @param reason       a sentence about the first broken link; empty when intact
 */
public record AuditVerification(boolean intact, long checked, long firstBroken, String reason) {

    public static AuditVerification intact(long checked) {
        return new AuditVerification(true, checked, 0, "");
    }

    public static AuditVerification broken(long checked, long firstBroken, String reason) {
        return new AuditVerification(false, checked, firstBroken, reason);
    }
}
