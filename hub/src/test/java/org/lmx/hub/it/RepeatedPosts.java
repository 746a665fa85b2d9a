package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * An operator's script issuing documents through {@code POST /api/outbound}: each request is named by its own
 * Idempotency-Key, and one whose answer was lost (no connection, a 5xx) is asked again with the same key until it
 * is answered, 202 for a document issued now, 200 for the one issued the first time.
 */
final class RepeatedPosts {

    /** One request, and what came of it. */
    static final class Post {
        final String key = UUID.randomUUID().toString();
        final String to;
        final String documentType;
        final AtomicInteger lostAnswers = new AtomicInteger();
        final List<Integer> statuses = new CopyOnWriteArrayList<>();
        /** Every MessageId the hub answered this key with (one, when keys work). */
        final Set<String> messageIds = ConcurrentHashMap.newKeySet();

        Post(String to, String documentType) {
            this.to = to;
            this.documentType = documentType;
        }

        boolean answered() {
            return !statuses.isEmpty();
        }
    }

    private final AdminApi operator;
    private final Duration patience;

    RepeatedPosts(AdminApi operator, Duration patience) {
        this.operator = operator;
        this.patience = patience;
    }

    /** Posts the committed sample's document of the post's type until answered. */
    void post(Post post) throws Exception {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("to", post.to);
        request.put("documentType", post.documentType);
        request.put("document", Parties.bodyOf(post.documentType));
        RepeatUntilAnswered.repeat(() -> {
            AdminApi.Answer answer;
            try {
                answer = operator.postJson("/api/outbound", request, Map.of("Idempotency-Key", post.key));
            } catch (IOException e) {
                post.lostAnswers.incrementAndGet();
                return false;
            }
            if (answer.status() >= 500) {
                post.lostAnswers.incrementAndGet();
                return false;
            }
            assertThat(answer.status()).as(answer.body()).isIn(200, 202);
            post.messageIds.add(answer.json().get("messageId").asText());
            post.statuses.add(answer.status());
            return true;
        }, patience);
    }

    /** The MessageIds issued to {@code party} by {@code posts}. */
    static Set<String> issuedTo(List<Post> posts, String party) {
        return posts.stream().filter(p -> p.to.equals(party)).flatMap(p -> p.messageIds.stream()).collect(Collectors.toSet());
    }
}
