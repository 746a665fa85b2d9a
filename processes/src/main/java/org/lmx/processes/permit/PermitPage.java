package org.lmx.processes.permit;

import java.util.List;

/** One page of the register: the permits and how many match in all. */
public record PermitPage(List<Permit> items, long total, int page, int size) {
}
