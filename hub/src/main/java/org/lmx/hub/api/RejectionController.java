package org.lmx.hub.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.lmx.routes.log.Rejection;
import org.lmx.routes.log.RejectionAudit;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The rejection audit: every inbound document answered with a REJECTED receipt, outside the message log. */
@RestController
@RequestMapping("/api/rejections")
@Tag(name = "Rejections", description = "Rejected inbound documents: what could be read of them, the code and the reason")
@SecurityRequirement(name = "basic")
class RejectionController {

    static final int MAX_LIMIT = 1000;

    private final RejectionAudit rejections;

    RejectionController(RejectionAudit rejections) {
        this.rejections = rejections;
    }

    @GetMapping
    @Operation(summary = "Rejections, newest first, filtered by MessageId, sender (Header/From) and time of receipt")
    List<Rejection> list(@RequestParam(required = false) String messageId,
                         @Parameter(description = "the sender as Header/From named it, e.g. KOR:MOEL")
                         @RequestParam(required = false) String from,
                         @Parameter(description = "ISO-8601, e.g. 2025-05-01T08:00:00Z")
                         @RequestParam(required = false) String since,
                         @Parameter(description = "1 to 1000") @RequestParam(defaultValue = "100") int limit) {
        return rejections.list(ApiParameters.filter(messageId), ApiParameters.filter(from),
                ApiParameters.time("since", since), ApiParameters.within("limit", limit, 1, MAX_LIMIT));
    }
}
