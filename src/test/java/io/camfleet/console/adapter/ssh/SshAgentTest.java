package io.camfleet.console.adapter.ssh;

import com.hierynomus.sshj.key.KeyAlgorithm;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.signature.Signature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The ssh-agent client against a real OpenSSH ssh-agent, and against sockets that are not one. */
class SshAgentTest {

    @RegisterExtension
    static final SshAgentFixture agents = new SshAgentFixture();

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path temp;

    private static SshAgent agent() {
        return new SshAgent(agents.socket(), TIMEOUT);
    }

    /** The public key's wire form, as the {@code .pub} file beside the private key holds it in base64. */
    private static byte[] blob(Path privateKey) throws IOException {
        String line = Files.readString(Path.of(privateKey + ".pub"), StandardCharsets.UTF_8);
        return Base64.getDecoder().decode(line.split(" ")[1]);
    }

    @Test
    void listsTheKeysItHoldsInOrderWithTheirTypesAndComments() throws Exception {
        Path ed25519 = agents.newKey("listed-ed25519", "ed25519");
        Path ecdsa = agents.newKey("listed-ecdsa", "ecdsa");
        agents.add(ed25519);
        agents.add(ecdsa);

        List<SshAgent.Identity> identities = agent().identities();

        assertThat(identities).extracting(SshAgent.Identity::comment).containsExactly("listed-ed25519", "listed-ecdsa");
        assertThat(identities).extracting(SshAgent.Identity::type)
                .containsExactly("ssh-ed25519", "ecdsa-sha2-nistp256");
        assertThat(identities.get(0).blob()).isEqualTo(blob(ed25519));
        assertThat(identities.get(1).blob()).isEqualTo(blob(ecdsa));
    }

    @Test
    void anEmptyAgentHoldsNoKeys() throws Exception {
        assertThat(agent().identities()).isEmpty();
    }

    @ParameterizedTest(name = "{0} with flags {1} signs {2}")
    @CsvSource({
            "ed25519, 0, ssh-ed25519",
            "ecdsa, 0, ecdsa-sha2-nistp256",
            "rsa, 4, rsa-sha2-512",
            "rsa, 2, rsa-sha2-256",
    })
    void signsWithTheAlgorithmAskedForAndOnlyTheSignedDataVerifies(String type, int flags, String algorithm)
            throws Exception {
        Path key = agents.newKey("signer-" + type + "-" + flags, type);
        agents.add(key);
        byte[] data = new byte[300];
        new Random(11).nextBytes(data);

        byte[] signature = agent().sign(blob(key), data, flags);

        assertThat(new Buffer.PlainBuffer(signature).readString()).isEqualTo(algorithm);
        // Checked as a server checks it: with the public key alone.
        PublicKey publicKey = new Buffer.PlainBuffer(blob(key)).readPublicKey();
        KeyAlgorithm verifierAlgorithm = Factory.Named.Util.create(new DefaultConfig().getKeyAlgorithms(), algorithm);
        Signature verifier = verifierAlgorithm.newSignature();
        verifier.initVerify(publicKey);
        verifier.update(data);
        assertThat(verifier.verify(signature)).isTrue();
        data[0] ^= 1;
        verifier.initVerify(publicKey);
        verifier.update(data);
        assertThat(verifier.verify(signature)).isFalse();
    }

    @Test
    void aKeyItDoesNotHoldIsRefused() throws Exception {
        agents.add(agents.newKey("held", "ed25519"));
        byte[] notHeld = blob(agents.newKey("not-held", "ed25519"));

        IOException refused = catchThrowableOfType(IOException.class,
                () -> agent().sign(notHeld, new byte[] {1, 2, 3}, 0));

        assertThat(refused).hasMessageContaining("refused to sign");
    }

    @Test
    void aMissingSocketOrOneNobodyListensOnFailsAtOnce() throws Exception {
        Path dead = temp.resolve("dead.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(dead)); // the socket file stays once its agent has gone
        }
        for (Path socket : List.of(temp.resolve("missing.sock"), dead)) {
            long start = System.nanoTime();

            IOException failed = catchThrowableOfType(IOException.class,
                    () -> new SshAgent(socket, TIMEOUT).identities());

            assertThat(failed).as(socket.toString()).isNotNull();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void anAgentThatNeverAnswersTimesOut() throws Exception {
        Path silent = temp.resolve("silent.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(silent)); // the kernel accepts; nobody ever answers
            long start = System.nanoTime();

            SocketTimeoutException timeout = catchThrowableOfType(SocketTimeoutException.class,
                    () -> new SshAgent(silent, Duration.ofMillis(400)).identities());

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(timeout).hasMessageContaining("did not answer within 400 ms");
            assertThat(took).isBetween(Duration.ofMillis(390), Duration.ofSeconds(3));
        }
    }

    @Test
    void anAnswerTooLongForTheAgentProtocolIsRefusedUnread() throws Exception {
        Path liar = temp.resolve("liar.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(liar));
            Thread answering = Thread.ofVirtual().start(() -> {
                try (SocketChannel client = server.accept()) {
                    client.read(ByteBuffer.allocate(64));
                    client.write(ByteBuffer.allocate(4).putInt(Integer.MAX_VALUE).flip());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });

            IOException refused = catchThrowableOfType(IOException.class,
                    () -> new SshAgent(liar, TIMEOUT).identities());

            answering.join();
            assertThat(refused).hasMessageContaining("a message of " + Integer.MAX_VALUE + " bytes");
        }
    }
}
