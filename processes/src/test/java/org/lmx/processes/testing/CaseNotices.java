package org.lmx.processes.testing;

import java.util.List;
import java.util.UUID;
import org.lmx.processes.exchange.ReceivedDocument;
import org.lmx.xsd.exchange.v1.ConsularCaseNotice;
import org.lmx.xsd.exchange.v1.ConsularIndicator;
import org.lmx.xsd.exchange.v1.ConsularReporterRole;
import org.lmx.xsd.exchange.v1.InformationResponse;

/**
 * Consular case notices, made from the committed sample (the consul in Abu Dhabi reports a hotel housekeeper whose
 * employer took her passport and has not paid her for three months), and the partner ministry's answers.
 */
public final class CaseNotices {

    private CaseNotices() {
    }

    /** The sample as it is: URGENT (passport confiscated, threats, three months unpaid, immediate danger). */
    public static ConsularCaseNotice housekeeperInTheEmiratesWhosePassportWasTaken() {
        ConsularCaseNotice n = Envelopes.sample("ConsularCaseNotice", ConsularCaseNotice.class);
        n.setCaseReference("ABU-CS-2026-" + UUID.randomUUID().toString().substring(0, 6));
        n.getSupportingDocument().clear();
        return n;
    }

    /** A Kazakh welder in Korea made to work excessive hours, reported by Korea's ministry: HIGH, not urgent. */
    public static ConsularCaseNotice welderInKoreaWorkingExcessiveHours() {
        ConsularCaseNotice n = housekeeperInTheEmiratesWhosePassportWasTaken();
        n.setReporterRole(ConsularReporterRole.PARTNER_MINISTRY);
        n.getCitizen().getLatinName().setSurname("SERIKBAYEV");
        n.getCitizen().getLatinName().setGivenNames("DAUREN");
        n.getCitizen().setNativeName(null);
        n.getCitizen().setIin("890412300517");
        n.getCurrentLocation().setCountry("KOR");
        n.getCurrentLocation().setAdministrativeArea("Ulsan");
        n.getCurrentLocation().setLocality("Ulsan");
        n.getCurrentLocation().getStreet().clear();
        n.getCurrentLocation().getStreet().add("Hanbada shipyard dormitory 3");
        n.setEmployer(null);
        indicators(n, ConsularIndicator.EXCESSIVE_HOURS);
        n.setImmediateDanger(false);
        n.setUnpaidWages(null);
        n.setNarrative("Labour inspectors found the worker on 14-hour shifts six days a week for two months.");
        return n;
    }

    public static void indicators(ConsularCaseNotice notice, ConsularIndicator... indicators) {
        notice.getIndicators().getIndicator().clear();
        notice.getIndicators().getIndicator().addAll(List.of(indicators));
    }

    /** A notice as the dispatcher receives it, in a new conversation. */
    public static ReceivedDocument from(String party, ConsularCaseNotice notice) {
        return Envelopes.received(party, UUID.randomUUID().toString(), null, notice);
    }

    public static InformationResponse answer(String caseReference, String... answers) {
        InformationResponse response = new InformationResponse();
        response.setCaseReference(caseReference);
        for (int i = 0; i < answers.length; i++) {
            InformationResponse.Answer answer = new InformationResponse.Answer();
            answer.setQuestionId("q" + (i + 1));
            answer.setValue(answers[i]);
            response.getAnswer().add(answer);
        }
        return response;
    }
}
