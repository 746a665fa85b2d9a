package org.lmx.processes.workpermit;

import java.time.OffsetDateTime;
import java.util.List;
import org.lmx.xsd.exchange.v1.ClosedPeriod;
import org.lmx.xsd.exchange.v1.Contact;
import org.lmx.xsd.exchange.v1.IdentityCheckRequest;
import org.lmx.xsd.exchange.v1.InformationRequest;
import org.lmx.xsd.exchange.v1.CaseKind;
import org.lmx.xsd.exchange.v1.QualificationVerificationRequest;
import org.lmx.xsd.exchange.v1.TaxStatusRequest;
import org.lmx.xsd.exchange.v1.WorkPermitApplication;

/**
 * The requests a work-permit case sends, built from the application with the contract's JAXB classes. Each takes
 * only what the recipient needs for its check: the migration police the person and the period, state revenue the
 * employer, the partner ministry the person and the qualification.
 */
final class CaseDocuments {

    private CaseDocuments() {
    }

    static IdentityCheckRequest identityCheckRequest(WorkPermitApplication application, String caseReference,
                                                     OffsetDateTime respondBy) {
        IdentityCheckRequest request = new IdentityCheckRequest();
        request.setCaseReference(caseReference);
        request.setSubject(application.getApplicant());
        request.setRequestedPeriod(copy(application.getPosition().getEmploymentPeriod()));
        request.setRespondBy(respondBy);
        return request;
    }

    static TaxStatusRequest taxStatusRequest(WorkPermitApplication application, String caseReference,
                                             OffsetDateTime respondBy) {
        TaxStatusRequest request = new TaxStatusRequest();
        request.setCaseReference(caseReference);
        request.setEmployerBin(application.getEmployer().getBin());
        request.setEmployerName(application.getEmployer().getName());
        request.setRespondBy(respondBy);
        return request;
    }

    static QualificationVerificationRequest qualificationRequest(WorkPermitApplication application,
                                                                 String caseReference, OffsetDateTime respondBy,
                                                                 Contact contact) {
        QualificationVerificationRequest request = new QualificationVerificationRequest();
        request.setCaseReference(caseReference);
        request.setHolder(Applicants.person(application.getApplicant()));
        request.setQualification(application.getQualification());
        request.setRespondBy(respondBy);
        request.setContact(contact);
        return request;
    }

    /** One Question per line of the caseworker's text (ids q1, q2, ...; at most 20, as the contract allows). */
    static InformationRequest informationRequest(WorkPermitApplication application, String caseReference,
                                                 List<String> questions, OffsetDateTime respondBy, Contact contact) {
        InformationRequest request = new InformationRequest();
        request.setCaseKind(CaseKind.WORK_PERMIT);
        request.setCaseReference(caseReference);
        request.setSubject(Applicants.person(application.getApplicant()));
        for (int i = 0; i < questions.size(); i++) {
            InformationRequest.Question question = new InformationRequest.Question();
            question.setId("q" + (i + 1));
            question.setValue(questions.get(i));
            request.getQuestion().add(question);
        }
        request.setRespondBy(respondBy);
        request.setContact(contact);
        return request;
    }

    static Contact contact(WorkPermitSettings settings, String name, String role) {
        Contact contact = new Contact();
        contact.setName(name == null ? settings.contactName() : name);
        contact.setRole(role);
        contact.setEmail(settings.contactEmail());
        contact.setPhone(settings.contactPhone());
        return contact;
    }

    private static ClosedPeriod copy(ClosedPeriod period) {
        ClosedPeriod copy = new ClosedPeriod();
        copy.setFrom(period.getFrom());
        copy.setTo(period.getTo());
        return copy;
    }
}
