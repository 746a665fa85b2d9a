package org.lmx.processes.consular;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lmx.processes.cases.CaseValues;

/**
 * Task listener (event complete) of a task whose result is a text (the supervisor's notes on an urgent case, the
 * escalation's notes, the action plan): refuses it blank where it is required and records who completed it.
 */
public class RecordTaskNotes implements TaskListener {

    private final String notesVariable;
    private final boolean required;
    private final String byVariable;

    public RecordTaskNotes(String notesVariable, boolean required, String byVariable) {
        this.notesVariable = notesVariable;
        this.required = required;
        this.byVariable = byVariable;
    }

    @Override
    public void notify(DelegateTask task) {
        String notes = CaseValues.string(task, notesVariable);
        if (required && (notes == null || notes.isBlank())) {
            throw new ProcessEngineException(notesVariable + " is required");
        }
        task.setVariable(byVariable, Deciders.user(task));
    }
}
