package io.camfleet.console.adapter.ssh;

import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.Message;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.method.AbstractAuthMethod;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * sshj's {@code publickey} login with one identity the ssh-agent holds. Like sshj's {@code AuthPublickey} it first
 * asks whether the server would take the key, and only then signs: but the agent signs, so the private key never
 * leaves it. When the server refuses, sshj asks {@link #shouldRetry()} and the next algorithm for the key is offered
 * (an RSA key: SHA-512, then SHA-256).
 */
final class AgentPublickey extends AbstractAuthMethod {

    private static final String CERTIFICATE = "-cert-v01@openssh.com";

    /**
     * One way to log in with a key: the algorithm the request names, the signature algorithm the server will then
     * check, and the sign-request flags that ask the agent for it.
     */
    record Offer(String algorithm, String signature, int flags) {
    }

    private final SshAgent agent;
    private final SshAgent.Identity identity;
    private final Deque<Offer> offers;

    AgentPublickey(SshAgent agent, SshAgent.Identity identity) {
        super("publickey");
        this.agent = agent;
        this.identity = identity;
        this.offers = new ArrayDeque<>(offers(identity.type()));
    }

    /**
     * What to offer for a key of this type, best first; nothing for a type left out. Plain SHA-1 {@code ssh-rsa}
     * signatures are left out: OpenSSH refuses them since 8.8, and each refusal spends one of the few tries a server
     * allows (MaxAuthTries). So are DSA keys (refused since OpenSSH 7.0) and security keys (they wait for a touch
     * that an unattended rollout cannot give).
     */
    static List<Offer> offers(String keyType) {
        boolean certificate = keyType.endsWith(CERTIFICATE);
        String key = certificate ? keyType.substring(0, keyType.length() - CERTIFICATE.length()) : keyType;
        String suffix = certificate ? CERTIFICATE : "";
        return switch (key) {
            case "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521" ->
                    List.of(new Offer(keyType, key, 0));
            case "ssh-rsa" -> List.of(
                    new Offer("rsa-sha2-512" + suffix, "rsa-sha2-512", SshAgent.SSH_AGENT_RSA_SHA2_512),
                    new Offer("rsa-sha2-256" + suffix, "rsa-sha2-256", SshAgent.SSH_AGENT_RSA_SHA2_256));
            default -> List.of();
        };
    }

    /** Whether the agent's identity is a key this method can log in with. */
    static boolean supports(SshAgent.Identity identity) {
        return !offers(identity.type()).isEmpty();
    }

    /** The request without a signature: would the server take this key? */
    @Override
    protected SSHPacket buildReq() throws UserAuthException {
        return request(false);
    }

    private SSHPacket request(boolean signed) throws UserAuthException {
        Offer offer = offers.peek();
        if (offer == null) {
            throw new UserAuthException("nothing left to offer for the ssh-agent's " + identity);
        }
        log.debug("Attempting authentication with the ssh-agent's {} as {}", identity, offer.algorithm());
        return super.buildReq().putBoolean(signed).putString(offer.algorithm()).putString(identity.blob());
    }

    @Override
    public void handle(Message cmd, SSHPacket buf) throws UserAuthException, TransportException {
        if (cmd != Message.USERAUTH_60) {
            super.handle(cmd, buf);
            return;
        }
        // SSH_MSG_USERAUTH_PK_OK: the server would take the key. The agent signs the session id and the request.
        Offer offer = offers.peek();
        SSHPacket request = request(true);
        byte[] data = new Buffer.PlainBuffer().putString(params.getTransport().getSessionID()).putBuffer(request)
                .getCompactData();
        byte[] signature;
        try {
            signature = agent.sign(identity.blob(), data, offer.flags());
        } catch (IOException e) {
            throw new UserAuthException("the ssh-agent did not sign with " + identity + ": " + e.getMessage(), e);
        }
        String made = signatureAlgorithm(signature);
        if (!made.equals(offer.signature())) {
            // An agent that ignores the RSA flags signs with SHA-1; the server would refuse it, so do not send it.
            throw new UserAuthException("the ssh-agent signed with " + made + " instead of " + offer.signature());
        }
        params.getTransport().write(request.putString(signature));
    }

    private static String signatureAlgorithm(byte[] signature) throws UserAuthException {
        try {
            return new Buffer.PlainBuffer(signature).readString();
        } catch (Buffer.BufferException e) {
            throw new UserAuthException("the ssh-agent sent an unreadable signature", e);
        }
    }

    @Override
    public boolean shouldRetry() {
        offers.poll();
        return !offers.isEmpty();
    }
}
