package org.lmx.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import org.lmx.bench.work.PerMessageWork;

/**
 * The bound: {@link PerMessageWork#accept} (parse + validate + verify + digest + signed receipt) on the load's own
 * documents and keys, one thread per core of this machine, while the hub is idle.
 */
final class BoundRun {

    static double perSecond(PerMessageWork work, List<byte[]> documents, int threads, double warmupSeconds,
                            double seconds) throws InterruptedException {
        LongAdder done = new LongAdder();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long start = System.nanoTime();
        long measureFrom = start + (long) (warmupSeconds * 1e9);
        long end = measureFrom + (long) (seconds * 1e9);
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            Thread thread = new Thread(() -> {
                int i = offset;
                while (failure.get() == null) {
                    long now = System.nanoTime();
                    if (now >= end) {
                        return;
                    }
                    try {
                        work.accept(documents.get(i++ % documents.size()));
                    } catch (Exception e) {
                        failure.set(e);
                        return;
                    }
                    if (now >= measureFrom) {
                        done.increment();
                    }
                }
            }, "bound-" + t);
            all.add(thread);
            thread.start();
        }
        for (Thread thread : all) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the per-message work failed on a load document: " + failure.get(), failure.get());
        }
        return done.sum() / seconds;
    }

    private BoundRun() {
    }
}
