package io.camfleet.console.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A loopback TCP proxy that drops the link once {@code cutAfter} bytes have gone towards the target, as a site link
 * failing in the middle of an upload does. Each connection is cut after its own count.
 */
final class CuttingProxy implements AutoCloseable {

    private final ServerSocket server;

    CuttingProxy(int targetPort, long cutAfter) throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread.ofPlatform().daemon().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    pump(client, target, cutAfter);
                    pump(target, client, Long.MAX_VALUE);
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    int port() {
        return server.getLocalPort();
    }

    private static void pump(Socket from, Socket to, long cutAfter) {
        Thread.ofPlatform().daemon().start(() -> {
            byte[] buffer = new byte[8192];
            long sent = 0;
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    if (sent + n > cutAfter) {
                        break;
                    }
                    out.write(buffer, 0, n);
                    sent += n;
                }
            } catch (IOException e) {
                // one side went: the other goes too
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        });
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
