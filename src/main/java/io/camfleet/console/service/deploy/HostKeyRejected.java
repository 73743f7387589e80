package io.camfleet.console.service.deploy;

import io.camfleet.console.service.common.Problem;

/** A host presented a key that known_hosts does not hold for it: the connection was refused before logging in. */
public final class HostKeyRejected extends Problem {

    private static final long serialVersionUID = 1L;

    /** Why the key was refused. */
    public enum Reason {
        /** known_hosts has no key for this host. */
        UNKNOWN,
        /** known_hosts holds another key for this host: it may have been reinstalled, or someone is in between. */
        CHANGED
    }

    private final String host;
    private final int port;
    private final String keyType;
    private final String sha256Fingerprint;
    private final String publicKey;
    private final Reason reason;

    /**
     * @param publicKey the key blob, base64 as in a known_hosts line, so that {@link HostConnector#trust} can record it
     */
    public HostKeyRejected(String host, int port, String keyType, String sha256Fingerprint, String publicKey,
            Reason reason) {
        super(reason == Reason.UNKNOWN ? "ssh.hostKeyUnknown" : "ssh.hostKeyChanged",
                port == 22 ? host : host + ":" + port, keyType, sha256Fingerprint);
        this.host = host;
        this.port = port;
        this.keyType = keyType;
        this.sha256Fingerprint = sha256Fingerprint;
        this.publicKey = publicKey;
        this.reason = reason;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** For example {@code ssh-ed25519}. */
    public String keyType() {
        return keyType;
    }

    /** In OpenSSH's form, {@code SHA256:} and unpadded base64, as {@code ssh-keygen -l} prints it. */
    public String sha256Fingerprint() {
        return sha256Fingerprint;
    }

    public String publicKey() {
        return publicKey;
    }

    public Reason reason() {
        return reason;
    }
}
