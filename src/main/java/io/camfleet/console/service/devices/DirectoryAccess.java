package io.camfleet.console.service.devices;

/**
 * What the configured scopes allow.
 *
 * @param canAct        whether device actions may be sent
 * @param whyNot        when they may not: the message key saying why (e.g. {@code devices.readOnly}), else ""
 * @param missingScope  the scope that would allow them, for the message; "" if none
 */
public record DirectoryAccess(boolean canAct, String whyNot, String missingScope) {

    public static final DirectoryAccess FULL = new DirectoryAccess(true, "", "");

    public static DirectoryAccess readOnly(String missingScope) {
        return new DirectoryAccess(false, "devices.readOnly", missingScope);
    }
}
