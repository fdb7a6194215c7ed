package dev.letterbox.bench;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;

/**
 * Child JVM entry point for "first start to 220 greeting in a fresh JVM": from the first line of main to the first
 * octets of the greeting read by a plain socket client. Prints {@code FIRSTSTART <nanos>}.
 */
public final class FirstStartChild {
    private FirstStartChild() {
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Contender.Running server = Contender.named(args[0]).start();
        long t1;
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            InputStream in = s.getInputStream();
            int c1 = in.read();
            int c2 = in.read();
            int c3 = in.read();
            t1 = System.nanoTime();
            if (c1 != '2' || c2 != '2' || c3 != '0') {
                throw new IllegalStateException("no 220 greeting from " + args[0]);
            }
        }
        System.out.println("FIRSTSTART " + (t1 - t0));
        System.out.flush();
        server.close();
        System.exit(0);
    }
}
