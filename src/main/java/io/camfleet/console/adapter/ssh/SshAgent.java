package io.camfleet.console.adapter.ssh;

import net.schmizz.sshj.common.Buffer;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A client of a running ssh-agent over its Unix domain socket ({@code SSH_AUTH_SOCK}), speaking the two requests
 * a login needs (draft-miller-ssh-agent): list the identities it holds, and sign with one of them. The protocol has
 * no way to read a private key, and this class asks for none.
 *
 * <p>Each request has a connection of its own, so one instance serves any number of logins at once. Every request is
 * bounded by a timeout: an agent that accepts and then says nothing must not hold a login forever.
 */
final class SshAgent {

    static final byte SSH_AGENT_FAILURE = 5;
    static final byte SSH_AGENTC_REQUEST_IDENTITIES = 11;
    static final byte SSH_AGENT_IDENTITIES_ANSWER = 12;
    static final byte SSH_AGENTC_SIGN_REQUEST = 13;
    static final byte SSH_AGENT_SIGN_RESPONSE = 14;
    /** Sign-request flags: an RSA key signs with SHA-256 or SHA-512 instead of SHA-1 (RFC 8332). */
    static final int SSH_AGENT_RSA_SHA2_256 = 2;
    static final int SSH_AGENT_RSA_SHA2_512 = 4;
    /** OpenSSH's agent refuses longer messages; a longer length here means the stream is not the agent protocol. */
    private static final int MAX_MESSAGE = 256 * 1024;

    /**
     * A key the agent holds.
     *
     * @param blob    the public key in SSH wire format, exactly as the agent gave it (and as it wants it back)
     * @param comment what {@code ssh-add -l} shows for it, usually the file it was added from
     */
    record Identity(byte[] blob, String comment) {

        /** The key's type as its blob names it: {@code ssh-ed25519}, {@code ecdsa-sha2-nistp256}, {@code ssh-rsa}. */
        String type() {
            try {
                return new Buffer.PlainBuffer(blob).readString();
            } catch (Buffer.BufferException e) {
                return "";
            }
        }

        @Override
        public String toString() {
            return type() + " " + comment;
        }
    }

    private final Path socket;
    private final Duration timeout;

    SshAgent(Path socket, Duration timeout) {
        this.socket = socket;
        this.timeout = timeout;
    }

    Path socket() {
        return socket;
    }

    /** The identities the agent holds, in its order (the order {@code ssh-add -l} lists them). */
    List<Identity> identities() throws IOException {
        Buffer.PlainBuffer answer = request(new Buffer.PlainBuffer().putByte(SSH_AGENTC_REQUEST_IDENTITIES),
                SSH_AGENT_IDENTITIES_ANSWER, "list its keys");
        int count = answer.readUInt32AsInt();
        List<Identity> identities = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] blob = answer.readStringAsBytes();
            identities.add(new Identity(blob, answer.readString(StandardCharsets.UTF_8)));
        }
        return identities;
    }

    /**
     * Has the agent sign {@code data} with the identity whose public key is {@code blob}.
     *
     * @param flags {@link #SSH_AGENT_RSA_SHA2_256} or {@link #SSH_AGENT_RSA_SHA2_512} for an RSA key, else 0
     * @return the signature in SSH wire format: the algorithm's name, then the signature itself
     */
    byte[] sign(byte[] blob, byte[] data, int flags) throws IOException {
        Buffer.PlainBuffer answer = request(new Buffer.PlainBuffer().putByte(SSH_AGENTC_SIGN_REQUEST)
                .putString(blob).putString(data).putUInt32(flags), SSH_AGENT_SIGN_RESPONSE, "sign");
        return answer.readStringAsBytes();
    }

    /** Sends one message and returns the body of the answer after its type, which must be {@code expected}. */
    private Buffer.PlainBuffer request(Buffer.PlainBuffer message, byte expected, String what) throws IOException {
        byte[] body = message.getCompactData();
        ByteBuffer out = ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).flip();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
             Selector selector = Selector.open()) {
            channel.configureBlocking(false);
            SelectionKey key = channel.register(selector, 0);
            if (!channel.connect(UnixDomainSocketAddress.of(socket))) {
                await(selector, key, SelectionKey.OP_CONNECT, deadline);
                channel.finishConnect();
            }
            while (out.hasRemaining()) {
                if (channel.write(out) == 0) {
                    await(selector, key, SelectionKey.OP_WRITE, deadline);
                }
            }
            ByteBuffer length = fill(channel, selector, key, ByteBuffer.allocate(4), deadline);
            int size = length.flip().getInt();
            if (size < 1 || size > MAX_MESSAGE) {
                throw new IOException("the ssh-agent at " + socket + " sent a message of " + size + " bytes");
            }
            Buffer.PlainBuffer answer = new Buffer.PlainBuffer(
                    fill(channel, selector, key, ByteBuffer.allocate(size), deadline).array());
            byte type = answer.readByte();
            if (type == SSH_AGENT_FAILURE) {
                throw new IOException("the ssh-agent at " + socket + " refused to " + what);
            }
            if (type != expected) {
                throw new IOException("the ssh-agent at " + socket + " answered " + type + " instead of " + expected);
            }
            return answer;
        }
    }

    private ByteBuffer fill(SocketChannel channel, Selector selector, SelectionKey key, ByteBuffer into,
                            long deadline) throws IOException {
        while (into.hasRemaining()) {
            int read = channel.read(into);
            if (read < 0) {
                throw new EOFException("the ssh-agent at " + socket + " closed the connection");
            }
            if (read == 0) {
                await(selector, key, SelectionKey.OP_READ, deadline);
            }
        }
        return into;
    }

    private void await(Selector selector, SelectionKey key, int operation, long deadline) throws IOException {
        key.interestOps(operation);
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("interrupted while waiting for the ssh-agent");
            }
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new SocketTimeoutException("the ssh-agent at " + socket + " did not answer within "
                        + timeout.toMillis() + " ms");
            }
            selector.selectedKeys().clear();
            if (selector.select(left) > 0) {
                return;
            }
        }
    }
}
