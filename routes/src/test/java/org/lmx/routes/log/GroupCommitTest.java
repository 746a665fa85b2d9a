package org.lmx.routes.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Group commit of the message log, with commits the test controls: documents from Korea's ministry arriving while
 * a commit runs share the next one, and one that cannot be logged fails alone.
 */
class GroupCommitTest {

    private final ExecutorService callers = Executors.newCachedThreadPool();
    /** Each commit, as the items it held. */
    private final List<List<String>> commits = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstCommitMayEnd = new CountDownLatch(1);
    private final CountDownLatch firstCommitStarted = new CountDownLatch(1);

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void documentsArrivingDuringACommitShareTheNextOneAndEachCallerGetsItsOwnResult() throws Exception {
        GroupCommit<String, String> group = group(64, Long.MAX_VALUE);

        CompletableFuture<String> first = commitLater(group, "first");
        firstCommitStarted.await(10, TimeUnit.SECONDS);
        List<CompletableFuture<String>> waiting = new ArrayList<>();
        for (int i = 2; i <= 6; i++) {
            waiting.add(commitLater(group, "KOR:MOEL notice " + i));
        }
        await().atMost(10, TimeUnit.SECONDS).until(() -> group.queued() == 5);
        firstCommitMayEnd.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("logged first");
        for (int i = 0; i < waiting.size(); i++) {
            assertThat(waiting.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("logged KOR:MOEL notice " + (i + 2));
        }
        assertThat(commits).hasSize(2);
        assertThat(commits.get(0)).containsExactly("first");
        assertThat(commits.get(1)).containsExactlyInAnyOrder("KOR:MOEL notice 2", "KOR:MOEL notice 3",
                "KOR:MOEL notice 4", "KOR:MOEL notice 5", "KOR:MOEL notice 6");
    }

    @Test
    void aBatchStopsGrowingAtItsItemOrByteLimit() throws Exception {
        // two items at most, and at most 10 "bytes" (an item weighs its length): state revenue's large report alone
        GroupCommit<String, String> group = group(2, 10);

        CompletableFuture<String> first = commitLater(group, "first");
        firstCommitStarted.await(10, TimeUnit.SECONDS);
        List<CompletableFuture<String>> waiting = new ArrayList<>();
        for (String item : List.of("a", "b", "c", "KAZ:SRC WorkplaceReport", "d")) {
            waiting.add(commitLater(group, item));
            await().atMost(10, TimeUnit.SECONDS).until(() -> group.queued() == waiting.size());
        }
        firstCommitMayEnd.countDown();
        for (CompletableFuture<String> f : waiting) {
            f.get(10, TimeUnit.SECONDS);
        }
        first.get(10, TimeUnit.SECONDS);

        assertThat(commits).allSatisfy(c -> assertThat(c.size()).isLessThanOrEqualTo(2));
        assertThat(commits).allSatisfy(c -> {
            if (c.size() > 1) {
                assertThat(c.subList(0, c.size() - 1).stream().mapToInt(String::length).sum()).isLessThan(10);
            }
        });
        assertThat(commits.stream().flatMap(List::stream)).containsExactlyInAnyOrder(
                "first", "a", "b", "c", "KAZ:SRC WorkplaceReport", "d");
    }

    @Test
    void aBatchThatFailsIsCommittedOneByOneSoThatOnlyTheBadItemFails() throws Exception {
        GroupCommit<String, String> group = new GroupCommit<>(
                items -> {
                    if (items.contains("bad")) {
                        throw new IllegalStateException("constraint violated by bad");
                    }
                    return together(items);
                },
                item -> {
                    if (item.equals("first")) {
                        firstCommitStarted.countDown();
                        awaitQuietly(firstCommitMayEnd);
                    }
                    if (item.equals("bad")) {
                        throw new IllegalStateException("constraint violated by bad");
                    }
                    commits.add(List.of(item));
                    return "logged " + item;
                },
                64, s -> 1, Long.MAX_VALUE);

        CompletableFuture<String> first = commitLater(group, "first");
        firstCommitStarted.await(10, TimeUnit.SECONDS);
        CompletableFuture<String> good = commitLater(group, "UZB:MEHNAT request");
        CompletableFuture<String> bad = commitLater(group, "bad");
        CompletableFuture<String> good2 = commitLater(group, "TJK:MLME request");
        await().atMost(10, TimeUnit.SECONDS).until(() -> group.queued() == 3);
        firstCommitMayEnd.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("logged first");
        assertThat(good.get(10, TimeUnit.SECONDS)).isEqualTo("logged UZB:MEHNAT request");
        assertThat(good2.get(10, TimeUnit.SECONDS)).isEqualTo("logged TJK:MLME request");
        assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("constraint violated by bad");
        assertThat(commits).containsExactlyInAnyOrder(List.of("first"), List.of("UZB:MEHNAT request"),
                List.of("TJK:MLME request"));
    }

    @Test
    void aCallerAloneCommitsAloneAndSeesItsOwnFailure() {
        GroupCommit<String, String> group = new GroupCommit<>(GroupCommitTest::together,
                item -> {
                    throw new IllegalArgumentException("no agreement for " + item);
                }, 64, s -> 1, Long.MAX_VALUE);

        assertThatThrownBy(() -> group.commit("ISR:PIBA notice")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no agreement for ISR:PIBA notice");
        assertThat(group.queued()).isZero();
    }

    /** The first item's commit waits for the test's signal; every commit is recorded. */
    private GroupCommit<String, String> group(int maxItems, long maxWeight) {
        return new GroupCommit<>(GroupCommitTest.this::record, item -> record(List.of(item)).get(0), maxItems,
                String::length, maxWeight);
    }

    private List<String> record(List<String> items) {
        if (items.contains("first")) {
            firstCommitStarted.countDown();
            awaitQuietly(firstCommitMayEnd);
        }
        commits.add(List.copyOf(items));
        return together(items);
    }

    private static List<String> together(List<String> items) {
        return items.stream().map(i -> "logged " + i).toList();
    }

    private CompletableFuture<String> commitLater(GroupCommit<String, String> group, String item) {
        return CompletableFuture.supplyAsync(() -> group.commit(item), callers);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
