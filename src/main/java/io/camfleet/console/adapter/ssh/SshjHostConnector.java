package io.camfleet.console.adapter.ssh;

import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.deploy.HostConnector;
import io.camfleet.console.service.deploy.HostKeyRejected;
import io.camfleet.console.service.deploy.HostSession;
import io.camfleet.console.service.deploy.RemoteHost;
import net.schmizz.sshj.Config;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.transport.cipher.Cipher;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.method.AuthMethod;
import net.schmizz.sshj.userauth.method.AuthPublickey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link HostConnector} on sshj: one {@link SSHClient} per host (two through a jump host), host keys checked
 * strictly against one known_hosts file, public keys from the ssh-agent and from files.
 */
public final class SshjHostConnector implements HostConnector {

    private static final Logger LOG = LoggerFactory.getLogger(SshjHostConnector.class);

    private final SshSettings settings;
    /** Null when the settings name no agent. */
    private final SshAgent agent;
    /** An agent that is gone is said once in the log, not once for each of fifty hosts. */
    private final AtomicBoolean agentMissingLogged = new AtomicBoolean();
    /** Building a config looks up every algorithm: done once, shared by all connections. */
    private final Config config = config();
    private final KnownHostsFile knownHosts;
    private final Object knownHostsWrite = new Object();

    public SshjHostConnector(SshSettings settings) {
        this.settings = settings;
        this.agent = settings.agentSocket() == null ? null
                : new SshAgent(settings.agentSocket(), settings.authTimeout());
        this.knownHosts = new KnownHostsFile(settings.knownHosts());
    }

    /**
     * sshj's defaults, with AES-GCM on the JDK's provider ({@link JdkAesGcm}) preferred to ChaCha20-Poly1305: both
     * are authenticated ciphers OpenSSH offers by default, but sshj's ChaCha20 and AES are BouncyCastle's pure Java
     * (a quarter of the console's CPU when uploading to 100 hosts).
     */
    private static Config config() {
        DefaultConfig config = new DefaultConfig();
        List<Factory.Named<Cipher>> ciphers = new ArrayList<>(List.of(JdkAesGcm.AES256, JdkAesGcm.AES128));
        config.getCipherFactories().stream().filter(c -> !c.getName().contains("-gcm@")).forEach(ciphers::add);
        config.setCipherFactories(ciphers);
        return config;
    }

    @Override
    public HostSession open(RemoteHost host) {
        HostAddress target = HostAddress.parse(host.address());
        if (!host.hasJumpHost()) {
            return new SshjHostSession(target.toString(), connect(target, host.user(), null), null);
        }
        SSHClient jump = connect(HostAddress.parse(host.jumpHost()), host.user(), null);
        try {
            return new SshjHostSession(target.toString(), connect(target, host.user(), jump), jump);
        } catch (RuntimeException e) {
            SshjHostSession.closeQuietly(jump);
            throw e;
        }
    }

    @Override
    public Optional<String> cannotReach(RemoteHost host) {
        try {
            HostAddress.parse(host.address());
            if (host.hasJumpHost()) {
                HostAddress.parse(host.jumpHost());
            }
            return Optional.empty();
        } catch (Problem p) {
            return Optional.of(p.getMessage());
        }
    }

    @Override
    public void trust(HostKeyRejected rejected) {
        synchronized (knownHostsWrite) {
            StrictHostKeys.trust(settings.knownHosts(), rejected);
            knownHosts.changed();
        }
    }

    /** A logged-in client, directly or through {@code via}'s forwarding. */
    private SSHClient connect(HostAddress address, String user, SSHClient via) {
        SSHClient client = new SSHClient(config);
        StrictHostKeys hostKeys = new StrictHostKeys(knownHosts);
        client.addHostKeyVerifier(hostKeys);
        client.setConnectTimeout(millis(settings.connectTimeout()));
        // Bounds socket reads until logged in (a server that accepts and then says nothing); lifted afterwards, as a
        // quiet command must not time out the connection.
        client.setTimeout(millis(settings.authTimeout()));
        client.getTransport().setTimeoutMs(millis(settings.authTimeout()));
        try {
            if (via == null) {
                client.connect(address.host(), address.port());
            } else {
                client.connectVia(via.newDirectConnection(address.host(), address.port()), address.host(),
                        address.port());
            }
        } catch (IOException e) {
            SshjHostSession.closeQuietly(client);
            HostKeyRejected rejected = hostKeys.rejection();
            if (rejected != null) {
                throw rejected;
            }
            throw new Problem(e, "ssh.unreachable", address, SshjHostSession.reason(e));
        }
        try {
            client.auth(user, methods(client));
            if (client.getSocket() != null) {
                client.getSocket().setSoTimeout(0);
            }
            return client;
        } catch (UserAuthException e) {
            SshjHostSession.closeQuietly(client);
            throw Problem.badInput("ssh.authFailed", address, user);
        } catch (TransportException e) {
            SshjHostSession.closeQuietly(client);
            throw new Problem(e, "ssh.unreachable", address, SshjHostSession.reason(e));
        } catch (IOException | RuntimeException e) {
            SshjHostSession.closeQuietly(client);
            throw e instanceof Problem p ? p : new Problem(e, "ssh.unreachable", address, SshjHostSession.reason(e));
        }
    }

    /**
     * The ways to log in, in the order OpenSSH tries them: each key the agent holds, then each key file. A key file
     * whose key the agent holds too is not offered twice: every refusal spends one of the server's MaxAuthTries.
     */
    private List<AuthMethod> methods(SSHClient client) {
        List<AuthMethod> methods = new ArrayList<>();
        List<SshAgent.Identity> offered = new ArrayList<>();
        for (SshAgent.Identity identity : agentIdentities()) {
            if (AgentPublickey.supports(identity)) {
                methods.add(new AgentPublickey(agent, identity));
                offered.add(identity);
            } else {
                LOG.debug("Not offering the ssh-agent's {}: a key type this console does not log in with", identity);
            }
        }
        for (Path file : settings.keyFiles()) {
            KeyProvider key;
            try {
                key = client.loadKeys(file.toString());
            } catch (IOException e) {
                throw Problem.badInput("ssh.keyUnreadable", file, SshjHostSession.reason(e));
            }
            if (!heldBy(offered, key)) {
                methods.add(new AuthPublickey(key));
            }
        }
        return methods;
    }

    /** What the agent holds; nothing when there is no agent, or it is gone or silent (then the key files remain). */
    private List<SshAgent.Identity> agentIdentities() {
        if (agent == null) {
            return List.of();
        }
        try {
            return agent.identities();
        } catch (IOException e) {
            if (agentMissingLogged.compareAndSet(false, true)) {
                LOG.warn("The ssh-agent at {} cannot be asked for keys ({}); using key files only", agent.socket(),
                        SshjHostSession.reason(e));
            } else {
                LOG.debug("The ssh-agent at {} cannot be asked for keys: {}", agent.socket(), e.toString());
            }
            return List.of();
        }
    }

    private static boolean heldBy(List<SshAgent.Identity> identities, KeyProvider key) {
        if (identities.isEmpty()) {
            return false;
        }
        byte[] blob;
        try {
            blob = new Buffer.PlainBuffer().putPublicKey(key.getPublic()).getCompactData();
        } catch (IOException e) {
            return false; // an encrypted key, say: offered as a file, which reports its own trouble
        }
        return identities.stream().anyMatch(i -> Arrays.equals(i.blob(), blob));
    }

    private static int millis(java.time.Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
    }
}
