package com.carepoint.appointments;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;

/** The appointment could not be read before a change: said plainly, nothing changed. */
final class ChangeProblemDialog {

    private ChangeProblemDialog() {
    }

    static void show(AppointmentProblem problem) {
        Dialog d = new Dialog();
        d.setId("change-problem");
        d.setHeaderTitle("The appointment could not be read");
        d.add(AppointmentsView.problem(problem));
        Button close = new Button("Close", e -> d.close());
        close.setId("close-change-problem");
        d.getFooter().add(close);
        d.open();
    }
}
