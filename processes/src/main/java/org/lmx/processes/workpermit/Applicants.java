package org.lmx.processes.workpermit;

import org.lmx.xsd.exchange.v1.IscedLevel;
import org.lmx.xsd.exchange.v1.NameInLatinScript;
import org.lmx.xsd.exchange.v1.Person;
import org.lmx.xsd.exchange.v1.WorkPermitApplication;

/** Small readings of an application that several steps share. */
final class Applicants {

    private Applicants() {
    }

    static String latinName(Person person) {
        NameInLatinScript name = person.getLatinName();
        return name.getGivenNames() == null ? name.getSurname() : name.getSurname() + " " + name.getGivenNames();
    }

    /** ISCED_6 -> 6. */
    static int isced(IscedLevel level) {
        return Integer.parseInt(level.value().substring("ISCED_".length()));
    }

    /** The local trainees the employer commits to mentor, or null when the application makes no commitment. */
    static Integer mentoredTrainees(WorkPermitApplication application) {
        WorkPermitApplication.Position.LocalTraineeMentoring mentoring =
                application.getPosition().getLocalTraineeMentoring();
        return mentoring == null ? null : mentoring.getTrainees();
    }

    /** The applicant as a Person (a Traveller restricts Person; the requests that name a Person take a copy). */
    static Person person(Person traveller) {
        Person person = new Person();
        person.setLatinName(traveller.getLatinName());
        person.setNativeName(traveller.getNativeName());
        person.setBirthDate(traveller.getBirthDate());
        person.setBirthPlace(traveller.getBirthPlace());
        person.setSex(traveller.getSex());
        person.setCitizenship(traveller.getCitizenship());
        person.setIin(traveller.getIin());
        person.setTravelDocument(traveller.getTravelDocument());
        return person;
    }
}
