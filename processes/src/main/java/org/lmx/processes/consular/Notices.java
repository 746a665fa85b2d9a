package org.lmx.processes.consular;

import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.lmx.processes.xml.ContractXml;
import org.lmx.xsd.exchange.v1.Address;
import org.lmx.xsd.exchange.v1.ConsularCaseNotice;
import org.lmx.xsd.exchange.v1.ConsularIndicator;
import org.lmx.xsd.exchange.v1.Contact;
import org.lmx.xsd.exchange.v1.Person;

/** Reading a case's ConsularCaseNotice, and the hub's contact in its documents. */
final class Notices {

    private Notices() {
    }

    static ConsularCaseNotice of(VariableScope scope) {
        return ContractXml.body((byte[]) scope.getVariable(ConsularVariables.NOTICE_DOCUMENT),
                ConsularCaseNotice.class);
    }

    static String name(Person person) {
        String given = person.getLatinName().getGivenNames();
        return given == null ? person.getLatinName().getSurname() : person.getLatinName().getSurname() + " " + given;
    }

    static String indicators(ConsularCaseNotice notice) {
        return notice.getIndicators().getIndicator().stream().map(ConsularIndicator::value)
                .collect(Collectors.joining(" "));
    }

    static String place(Address address) {
        StringBuilder place = new StringBuilder(address.getCountry());
        if (address.getLocality() != null) {
            place.append(", ").append(address.getLocality());
        }
        address.getStreet().forEach(s -> place.append(", ").append(s));
        return place.toString();
    }

    static Contact hubContact(ConsularProtectionSettings settings, String name, String role) {
        Contact contact = new Contact();
        contact.setName(name == null ? settings.contactName() : name);
        contact.setRole(role);
        contact.setEmail(settings.contactEmail());
        contact.setPhone(settings.contactPhone());
        return contact;
    }
}
