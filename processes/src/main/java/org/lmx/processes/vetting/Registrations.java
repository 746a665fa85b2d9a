package org.lmx.processes.vetting;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.lmx.processes.xml.ContractXml;
import org.lmx.xsd.exchange.v1.EmploymentContractRegistration;
import org.lmx.xsd.exchange.v1.Money;
import org.lmx.xsd.exchange.v1.Person;

/** Reading a case's EmploymentContractRegistration and saying its parts in words. */
final class Registrations {

    private Registrations() {
    }

    static EmploymentContractRegistration of(VariableScope scope) {
        return ContractXml.body((byte[]) scope.getVariable(ContractVettingVariables.REGISTRATION_DOCUMENT),
                EmploymentContractRegistration.class);
    }

    static String name(Person person) {
        String given = person.getLatinName().getGivenNames();
        return given == null ? person.getLatinName().getSurname() : person.getLatinName().getSurname() + " " + given;
    }

    static String money(Money money) {
        return money.getCurrency() + " " + money.getValue().setScale(2).toPlainString();
    }

    static String money(BigDecimal amount, String currency) {
        return currency + " " + amount.setScale(2).toPlainString();
    }

    static String hours(BigDecimal hours) {
        return hours.stripTrailingZeros().toPlainString();
    }

    /** A recruitment fee counts only when the registration states one above zero. */
    static boolean feeCharged(EmploymentContractRegistration registration) {
        Money fee = registration.getRecruitmentFeeChargedToWorker();
        return fee != null && fee.getValue().signum() > 0;
    }
}
