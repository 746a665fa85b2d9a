package org.lmx.hub.it;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Callable;

/** How a client asks again when an answer was lost: every 200 ms, for a while (the hub may be restarting). */
final class RepeatUntilAnswered {

    private RepeatUntilAnswered() {
    }

    /** Calls {@code attempt} until it returns true (answered); it returns false for an answer that was lost. */
    static void repeat(Callable<Boolean> attempt, Duration patience) {
        // in the caller's thread; uncaught exceptions of other threads are theirs (a killed hub makes many)
        await().dontCatchUncaughtExceptions().pollInSameThread().pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(200)).atMost(patience).until(attempt);
    }
}
