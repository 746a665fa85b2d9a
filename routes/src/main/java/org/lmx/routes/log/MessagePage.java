package org.lmx.routes.log;

import java.util.List;

/** One page of a message log search, newest first, and how many messages match in all. */
public record MessagePage(List<LoggedMessage> items, int page, int size, long total) {
}
