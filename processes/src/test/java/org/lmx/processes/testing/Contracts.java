package org.lmx.processes.testing;

import java.math.BigDecimal;
import java.util.UUID;
import org.lmx.processes.exchange.ReceivedDocument;
import org.lmx.xsd.exchange.v1.EmploymentContractRegistration;
import org.lmx.xsd.exchange.v1.Money;
import org.lmx.xsd.exchange.v1.ReturnTravelPayer;

/**
 * Employment contracts of citizens leaving to work abroad, made from the committed sample (Germany registers a
 * nurse from Almaty for a Bonn hospital; her Kazakh recruiter charges her a fee).
 */
public final class Contracts {

    private Contracts() {
    }

    /** The sample as it is: host DEU, EUR 3 650 for 39 hours, a KZT 450 000 recruitment fee. */
    public static EmploymentContractRegistration nurseInGermany() {
        EmploymentContractRegistration c = Envelopes.sample("EmploymentContractRegistration",
                EmploymentContractRegistration.class);
        c.setRegistrationReference("ZAV-PF-2026-" + UUID.randomUUID().toString().substring(0, 8));
        return c;
    }

    /** The nurse's contract with nothing to flag: no fee. */
    public static EmploymentContractRegistration cleanNurseInGermany() {
        EmploymentContractRegistration c = nurseInGermany();
        c.setRecruitmentFeeChargedToWorker(null);
        return c;
    }

    /** A Kazakh welder at a Korean shipyard, hired directly: KRW 2 600 000 for 40 hours, nothing to flag. */
    public static EmploymentContractRegistration welderInKorea() {
        EmploymentContractRegistration c = cleanNurseInGermany();
        c.setRegistrationReference("EPS-2026-" + UUID.randomUUID().toString().substring(0, 8));
        c.setRecruiter(null);
        c.getWorker().getLatinName().setSurname("SERIKBAYEV");
        c.getWorker().getLatinName().setGivenNames("DAUREN");
        c.getWorker().setNativeName(null);
        c.getWorker().setIin("890412300517");
        c.getWorker().getTravelDocument().setNumber("N10452291");
        c.setHostCountry("KOR");
        c.getEmployer().setName("Hanbada Heavy Industries Co., Ltd.");
        c.getEmployer().getForeignRegistration().setCountry("KOR");
        c.getEmployer().getForeignRegistration().setNumber("610-81-12345");
        c.getEmployer().getAddress().setCountry("KOR");
        c.getEmployer().getAddress().setAdministrativeArea("Ulsan");
        c.getEmployer().getAddress().setLocality("Ulsan");
        c.getPosition().getProfession().setIscoCode("7212");
        c.getPosition().getProfession().setJobTitle("Shipyard welder");
        c.getPosition().getWorkPlace().setCountry("KOR");
        c.setMonthlyWage(money("2600000.00", "KRW"));
        c.setWeeklyHours(new BigDecimal("40"));
        c.getHealthInsurance().setProvider("National Health Insurance Service");
        c.getAccommodation().setMonthlyDeduction(null);
        return c;
    }

    /** A domestic worker in the UAE whose contract lets the employer keep her passport. */
    public static EmploymentContractRegistration domesticWorkerInTheEmirates() {
        EmploymentContractRegistration c = cleanNurseInGermany();
        c.setRegistrationReference("TAD-2026-" + UUID.randomUUID().toString().substring(0, 8));
        c.getWorker().getLatinName().setSurname("SAPAROVA");
        c.getWorker().getLatinName().setGivenNames("MADINA");
        c.getWorker().setNativeName(null);
        c.getWorker().setIin("980702405224");
        c.getWorker().getTravelDocument().setNumber("N13390412");
        c.setHostCountry("ARE");
        c.getEmployer().setName("Al Noor Hospitality Services LLC");
        c.getEmployer().getForeignRegistration().setCountry("ARE");
        c.getEmployer().getForeignRegistration().setNumber("CN-2841937");
        c.getEmployer().getAddress().setCountry("ARE");
        c.getPosition().getProfession().setIscoCode("9111");
        c.getPosition().getProfession().setJobTitle("Domestic worker");
        c.getPosition().getWorkPlace().setCountry("ARE");
        c.setMonthlyWage(money("2200.00", "AED"));
        c.setWeeklyHours(new BigDecimal("48"));
        c.setPassportRetainedByEmployer(true);
        c.getAccommodation().setMonthlyDeduction(null);
        return c;
    }

    public static Money money(String amount, String currency) {
        Money money = new Money();
        money.setValue(new BigDecimal(amount));
        money.setCurrency(currency);
        return money;
    }

    public static void returnTravel(EmploymentContractRegistration c, ReturnTravelPayer payer) {
        c.setReturnTravelPaidBy(payer);
    }

    /** A registration as the dispatcher receives it, in a new conversation. */
    public static ReceivedDocument from(String party, EmploymentContractRegistration registration) {
        return Envelopes.received(party, UUID.randomUUID().toString(), null, registration);
    }
}
