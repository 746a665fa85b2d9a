package org.lmx.processes.exchange;

/**
 * A document a process asks the hub to issue.
 *
 * @param to             the recipient party, e.g. {@code KAZ:MIA}
 * @param documentType   the catalogue name, which is the local name of {@code document}'s element
 * @param conversationId the case's conversation (the application's ConversationId)
 * @param inReplyTo      the MessageId answered, or null
 * @param document       one catalogue element as XML bytes, in namespace {@code urn:lmx:exchange:1}
 * @param requestKey     names the request (e.g. process instance, activity and recipient), so that a step that runs
 *                       again after a failure gets the document issued the first time instead of a second one
 */
public record OutgoingDocument(String to, String documentType, String conversationId, String inReplyTo,
                               byte[] document, String requestKey) {
}
