package org.lmx.processes.consular;

import java.util.Map;
import java.util.stream.Collectors;
import org.lmx.processes.cases.CaseValues;
import org.lmx.processes.exchange.ReceivedDocument;
import org.lmx.processes.xml.ContractXml;
import org.lmx.xsd.exchange.v1.InformationResponse;

/** What the partner ministry's InformationResponse brings into a consular case: its answers, for the officer. */
public final class ConsularReplyVariables {

    private ConsularReplyVariables() {
    }

    public static Map<String, Object> of(ReceivedDocument reply) {
        InformationResponse response = ContractXml.body(reply.signed(), InformationResponse.class);
        String answers = response.getAnswer().stream().map(a -> a.getQuestionId() + ": " + a.getValue())
                .collect(Collectors.joining("\n"));
        return Map.of(ConsularVariables.INFORMATION_ANSWERS, CaseValues.limit(
                "from " + reply.from() + " (" + reply.messageId() + ")\n" + answers));
    }
}
