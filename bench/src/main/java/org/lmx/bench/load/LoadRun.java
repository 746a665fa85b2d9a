package org.lmx.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * N clients submit distinct pre-signed documents for a warm-up and then a measured window. Closed loop (each
 * client sends its next document when the last one is answered) unless a rate is offered: then the documents
 * are sent on a fixed schedule and each latency is counted from its scheduled time, so that a hub that falls
 * behind shows it in its latencies instead of slowing the schedule down (no coordinated omission).
 */
final class LoadRun {

    record Result(long accepted, long rejected, long errors, double seconds, Latencies latencies,
                  Map<String, Long> problems, boolean ranOut, long allAccepted, long allAnswered) {

        double acceptedPerSecond() {
            return accepted / seconds;
        }
    }

    private final SoapSubmitter submitter;
    private final List<byte[]> envelopes;

    LoadRun(SoapSubmitter submitter, List<byte[]> envelopes) {
        this.submitter = submitter;
        this.envelopes = envelopes;
    }

    Result run(int clients, double warmupSeconds, double seconds, double offeredRate) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        LongAdder accepted = new LongAdder();
        LongAdder rejected = new LongAdder();
        LongAdder errors = new LongAdder();
        LongAdder allAccepted = new LongAdder();
        LongAdder allAnswered = new LongAdder();
        Map<String, Long> problems = new ConcurrentHashMap<>();
        AtomicLong lastMeasured = new AtomicLong();
        List<Latencies> latencies = new ArrayList<>();
        long start = System.nanoTime() + 50_000_000L;
        long measureFrom = start + (long) (warmupSeconds * 1e9);
        long end = measureFrom + (long) (seconds * 1e9);
        double interval = offeredRate > 0 ? 1e9 / offeredRate : 0;
        java.util.concurrent.atomic.AtomicBoolean ranOut = new java.util.concurrent.atomic.AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Latencies mine = new Latencies();
            latencies.add(mine);
            Thread t = new Thread(() -> {
                long wait;
                while ((wait = start - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait); // every client starts at the same moment
                }
                while (true) {
                    int i = next.getAndIncrement();
                    if (i >= envelopes.size()) {
                        ranOut.set(true);
                        return;
                    }
                    long scheduled = interval > 0 ? start + (long) (i * interval) : System.nanoTime();
                    if (scheduled >= end) {
                        return;
                    }
                    long now;
                    while ((now = System.nanoTime()) < scheduled) {
                        LockSupport.parkNanos(scheduled - now); // pacing the offered rate
                    }
                    if (interval == 0 && now >= end) {
                        return;
                    }
                    long t0 = interval > 0 ? scheduled : System.nanoTime();
                    SoapSubmitter.Answer answer = submitter.submit(envelopes.get(i));
                    long t1 = System.nanoTime();
                    allAnswered.increment();
                    if (answer.outcome() == SoapSubmitter.Outcome.ACCEPTED) {
                        allAccepted.increment();
                    }
                    if (t0 < measureFrom || t1 > end && interval == 0) {
                        continue; // warm-up, or answered after the window closed
                    }
                    lastMeasured.accumulateAndGet(t1, Math::max);
                    mine.add(t1 - t0);
                    switch (answer.outcome()) {
                        case ACCEPTED -> accepted.increment();
                        case REJECTED -> {
                            rejected.increment();
                            problems.merge("REJECTED " + answer.detail(), 1L, Long::sum);
                        }
                        case ERROR -> {
                            errors.increment();
                            problems.merge(answer.detail(), 1L, Long::sum);
                        }
                    }
                }
            }, "client-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        // a run that used up its pre-signed documents early is measured up to its last answer
        double measured = ranOut.get() ? Math.max(1, lastMeasured.get() - measureFrom) / 1e9 : seconds;
        return new Result(accepted.sum(), rejected.sum(), errors.sum(), measured, Latencies.merge(latencies),
                new TreeMap<>(problems), ranOut.get(), allAccepted.sum(), allAnswered.sum());
    }
}
