package org.lmx.routes.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Group commit without a thread of its own: each caller queues its item and takes the leader's lock; whoever holds
 * it commits everything queued so far in one transaction ({@code together}) and hands every caller its own result.
 * Callers that arrived while a commit ran find theirs done by the next leader. Alone, a caller commits alone, as
 * before; under load one durable commit serves many. Each caller still returns only after the commit that holds
 * its item. A batch that fails is committed again item by item ({@code alone}), so one bad item fails alone.
 */
final class GroupCommit<T, R> {

    private final Function<List<T>, List<R>> together;
    private final Function<T, R> alone;
    private final int maxItems;
    private final ToLongFunction<T> weight;
    private final long maxWeight;
    private final ReentrantLock leader = new ReentrantLock();
    private final Queue<Pending<T, R>> queue = new ConcurrentLinkedQueue<>();

    /**
     * @param together  commits the items in one transaction, returning their results in order
     * @param alone     commits one item in a transaction of its own
     * @param maxItems  at most this many items in one commit
     * @param weight    an item's weight (bytes); a batch stops growing past {@code maxWeight}, so large bodies
     *                  do not pile up in one transaction's memory
     */
    GroupCommit(Function<List<T>, List<R>> together, Function<T, R> alone, int maxItems, ToLongFunction<T> weight,
                long maxWeight) {
        this.together = together;
        this.alone = alone;
        this.maxItems = maxItems;
        this.weight = weight;
        this.maxWeight = maxWeight;
    }

    /** Commits {@code item} (with whatever else is queued) and returns its result once that commit is done. */
    R commit(T item) {
        Pending<T, R> mine = new Pending<>(item, new CompletableFuture<>());
        queue.add(mine);
        leader.lock();
        try {
            while (!mine.result().isDone()) {
                commitBatch(nextBatch());
            }
        } finally {
            leader.unlock();
        }
        try {
            return mine.result().join();
        } catch (CompletionException e) {
            // the caller sees what its own commit threw, as if it had committed alone
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Items queued and not yet taken into a commit (for tests). */
    int queued() {
        return queue.size();
    }

    private List<Pending<T, R>> nextBatch() {
        List<Pending<T, R>> batch = new ArrayList<>();
        long total = 0;
        Pending<T, R> next;
        while (batch.size() < maxItems && total < maxWeight && (next = queue.poll()) != null) {
            batch.add(next);
            total += weight.applyAsLong(next.item());
        }
        return batch;
    }

    private void commitBatch(List<Pending<T, R>> batch) {
        if (batch.size() > 1) {
            try {
                List<R> results = together.apply(batch.stream().map(Pending::item).toList());
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).result().complete(results.get(i));
                }
                return;
            } catch (RuntimeException | Error e) {
                // rolled back whole: commit them one by one, so that only the item at fault fails
            }
        }
        for (Pending<T, R> p : batch) {
            try {
                p.result().complete(alone.apply(p.item()));
            } catch (RuntimeException | Error e) {
                // every item taken from the queue ends done, or its caller would wait for ever
                p.result().completeExceptionally(e);
            }
        }
    }

    private record Pending<T, R>(T item, CompletableFuture<R> result) {
    }
}
