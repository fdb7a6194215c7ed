package dev.letterbox.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.zip.CRC32;

/**
 * Child JVM entry point for the large-message scenarios, run with a small -Xmx and -XX:+ExitOnOutOfMemoryError: one
 * contender receives one generated message streamed by {@link RawSmtp}; where the contender holds messages, the
 * attachment is then read back as a decoded stream and its length and CRC-32 compared with what was sent.
 * Prints {@code LARGE ok|captured|mismatch <receiveNanos> <readNanos> <peakHeapBytes> <messageBytes>}.
 */
public final class LargeMessageChild {
    private LargeMessageChild() {
    }

    public static void main(String[] args) throws Exception {
        String name = args[0];
        long attachment = Long.parseLong(args[1]);
        Contender.Running server = Contender.named(name).start();
        CRC32 sent = new CRC32();
        long[] size = new long[1];
        long t0 = System.nanoTime();
        try (RawSmtp client = new RawSmtp(server.port())) {
            client.ehlo();
            client.sendMessage(out -> size[0] = Mails.writeWithAttachment(out, attachment, sent));
            client.quit();
        }
        long t1 = System.nanoTime();
        String outcome;
        long t2 = t1;
        if (name.equals("floor")) {
            outcome = server.count() == 1 ? "counted" : "lost";
        } else {
            CRC32 got = new CRC32();
            long length = 0;
            try (InputStream in = server.attachmentStream()) {
                byte[] buf = new byte[64 * 1024];
                int n;
                while ((n = in.read(buf)) > 0) {
                    got.update(buf, 0, n);
                    length += n;
                }
            }
            t2 = System.nanoTime();
            outcome = length == attachment && got.getValue() == sent.getValue() ? "verified"
                    : "MISMATCH(length " + length + " of " + attachment + ")";
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("LARGE " + outcome + " " + (t1 - t0) + " " + (t2 - t1) + " " + peak + " " + size[0]);
        System.out.flush();
        server.close();
        System.exit(0);
    }
}
