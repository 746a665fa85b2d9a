package org.lmx.hub.exchange;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.util.unit.DataSize;

/**
 * The byte budget of the calls in flight on the Exchange service: a call holds its weight (its size in KiB) while
 * CXF and the inbound pipeline parse, check and store it, so that the heap those DOMs need is bounded by the budget
 * rather than by the number of clients (BENCHMARKS.md: ten 5 MB documents at once exhausted a 512 MB heap).
 * Fair: a large call that waits is not overtaken for ever by small ones. Its metrics are {@code lmx_admission_*}.
 */
class AdmissionBudget implements MeterBinder {

    /**
     * What the smallest call weighs (KiB): a 5 KB document's parse, checks and receipt cost tens of KB, and 512 of
     * them fill a 32 MiB budget, more than Tomcat's 200 threads can carry, so small calls alone never wait.
     */
    static final int MINIMUM_WEIGHT_KIB = 64;

    private final int budgetKib;
    private final Semaphore permits;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();

    AdmissionBudget(DataSize budget) {
        long kib = budget.toKilobytes();
        if (kib < 1 || kib > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("lmx.exchange.admission.budget must be between 1KB and 2TB, not " + budget);
        }
        this.budgetKib = (int) kib;
        this.permits = new Semaphore(budgetKib, true);
    }

    /** A call of {@code bytes} weighs that many KiB rounded up, at least the minimum, at most the whole budget. */
    int weightKib(long bytes) {
        long kib = (bytes + 1023) / 1024;
        return (int) Math.min(budgetKib, Math.max(MINIMUM_WEIGHT_KIB, kib));
    }

    /**
     * Takes the call's weight, waiting up to {@code maxWait} for it; empty (and counted as refused) if it did not
     * come in time. A call heavier than the budget takes the whole budget: it is admitted alone, never refused for
     * its size (the call size limit does that).
     */
    Optional<Permit> admit(long bytes, Duration maxWait) {
        int weight = weightKib(bytes);
        // tryAcquire with a timeout keeps the order of the waiting calls (the one without a timeout barges)
        try {
            if (permits.tryAcquire(weight, 0, TimeUnit.NANOSECONDS)) {
                return Optional.of(new Permit(weight));
            }
            waiting.incrementAndGet();
            try {
                if (permits.tryAcquire(weight, maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                    return Optional.of(new Permit(weight));
                }
            } finally {
                waiting.decrementAndGet();
            }
        } catch (InterruptedException e) {
            // the hub is stopping: the call is refused like any other that could not be admitted
            Thread.currentThread().interrupt();
        }
        refused.incrementAndGet();
        return Optional.empty();
    }

    int budgetKib() {
        return budgetKib;
    }

    long bytesInFlight() {
        return (long) (budgetKib - permits.availablePermits()) * 1024;
    }

    int waiting() {
        return waiting.get();
    }

    long refused() {
        return refused.get();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("lmx.admission.budget", this, budget -> budget.budgetKib * 1024.0).baseUnit("bytes")
                .description("the byte budget of calls in flight on the Exchange service (lmx.exchange.admission.budget)")
                .register(registry);
        Gauge.builder("lmx.admission.in.flight", this, AdmissionBudget::bytesInFlight).baseUnit("bytes")
                .description("bytes of the Exchange service's calls being parsed, checked and stored (their weight)")
                .register(registry);
        Gauge.builder("lmx.admission.waiting", this, AdmissionBudget::waiting)
                .description("calls waiting for room in the admission budget").register(registry);
        FunctionCounter.builder("lmx.admission.refused", this, AdmissionBudget::refused)
                .description("calls answered HTTP 503 because the admission budget stayed in use past the maximum wait")
                .register(registry);
    }

    /** A call's weight in the budget, given back once (the second release does nothing). */
    final class Permit {
        private final int weightKib;
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit(int weightKib) {
            this.weightKib = weightKib;
        }

        int weightKib() {
            return weightKib;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                permits.release(weightKib);
            }
        }
    }
}
