package org.lmx.bench.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.tools.attach.VirtualMachine;

/**
 * The hub's heap, read over JMX through the Attach API (a local agent in the hub's JVM, no port opened), sampled
 * every 50 ms while the load runs; its peak RSS from /proc/PID/status (VmHWM). Only for a hub on this machine.
 */
final class HubMemory implements AutoCloseable {

    private final long pid;
    private final JMXConnector connector;
    private final MemoryMXBean memory;
    private final AtomicLong peakHeap = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    private HubMemory(long pid, JMXConnector connector, MemoryMXBean memory) {
        this.pid = pid;
        this.connector = connector;
        this.memory = memory;
        this.sampler = new Thread(this::sample, "hub-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    static HubMemory attach(long pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        String address;
        try {
            address = vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
        JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
        MBeanServerConnection server = connector.getMBeanServerConnection();
        MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.MEMORY_MXBEAN_NAME,
                MemoryMXBean.class);
        return new HubMemory(pid, connector, memory);
    }

    private void sample() {
        while (running) {
            try {
                long used = memory.getHeapMemoryUsage().getUsed();
                peakHeap.accumulateAndGet(used, Math::max);
                Thread.sleep(50); // a sampling period, not a wait for work
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                return; // the hub went away
            }
        }
    }

    /** Forget the peak so far (start-up, warm-up). */
    void resetPeak() {
        peakHeap.set(0);
    }

    long peakHeapBytes() {
        return peakHeap.get();
    }

    long heapMaxBytes() {
        return memory.getHeapMemoryUsage().getMax();
    }

    /** Heap in use right after a full collection: what the hub really keeps. */
    long liveHeapAfterGcBytes() {
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** VmHWM: the most resident memory the hub's process ever had. */
    Optional<Long> peakRssBytes() {
        return procStatus("VmHWM:");
    }

    Optional<Long> rssBytes() {
        return procStatus("VmRSS:");
    }

    private Optional<Long> procStatus(String field) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(l -> l.startsWith(field))
                    .map(l -> Long.parseLong(l.substring(field.length()).trim().split("\\s+")[0]) * 1024)
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        try {
            connector.close();
        } catch (IOException e) {
            // the hub may be gone already
        }
    }
}
