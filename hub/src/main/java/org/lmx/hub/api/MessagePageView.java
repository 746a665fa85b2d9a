package org.lmx.hub.api;

import java.util.List;
import org.lmx.routes.log.MessagePage;

/** One page of a message log search, newest first, and how many messages match in all. */
record MessagePageView(List<MessageView> items, int page, int size, long total) {

    static MessagePageView of(MessagePage page) {
        return new MessagePageView(page.items().stream().map(MessageView::of).toList(), page.page(), page.size(),
                page.total());
    }
}
