package com.carepoint.audit;

import com.carepoint.access.CurrentUserService;
import com.carepoint.access.Role;
import com.carepoint.kernel.NhsNumber;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.slf4j.LoggerFactory;

/**
 * The privacy officer's emergency-access review queue: who opened which patient's record under emergency access, when
 * and with what justification. Each is marked reviewed with a comment; the review is itself audited.
 */
@Route("emergency-access-reviews")
@PageTitle("Emergency access reviews · Carepoint")
@RolesAllowed(Role.PRIVACY_OFFICER_NAME)
public class EmergencyAccessReviewView extends VerticalLayout {

    private final EmergencyAccessReviews reviews;
    private final CurrentUserService users;
    private final Grid<EmergencyAccessReviews.Item> grid = new Grid<>();
    private final Checkbox showReviewed = new Checkbox("Show reviewed emergency accesses too");
    private final Paragraph summary = new Paragraph();

    public EmergencyAccessReviewView(EmergencyAccessReviews reviews, CurrentUserService users) {
        this.reviews = reviews;
        this.users = users;
        addClassName("cp-page");
        setId("emergency-review-view");
        add(new H1("Emergency access reviews"), new Paragraph("Records opened under emergency access — without the "
                + "patient's permission because they could not give it, or outside the user's usual care "
                + "relationship. Check each justification and mark it reviewed with your comment; your review is "
                + "recorded in the audit trail."));
        showReviewed.setId("emergency-show-reviewed");
        showReviewed.addValueChangeListener(e -> refresh());
        summary.setId("emergency-summary");
        grid.setId("emergency-queue");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(i -> AuditView.WHEN.format(i.occurredAt())).setHeader("When").setAutoWidth(true);
        grid.addColumn(i -> i.userName() + " (" + i.userId() + "), " + Role.fromClaim(i.role())
                .map(Role::displayName).orElse(i.role()) + " · " + i.orgName() + " (" + i.orgOds() + ")")
                .setHeader("Who").setFlexGrow(2);
        grid.addColumn(i -> NhsNumber.parse(i.patientNhs()).map(NhsNumber::formatted).orElse(i.patientNhs()))
                .setHeader("Patient").setAutoWidth(true);
        grid.addColumn(EmergencyAccessReviews.Item::justification).setHeader("Justification").setFlexGrow(3);
        grid.addComponentColumn(this::status).setHeader("Review").setFlexGrow(2);
        add(showReviewed, summary, grid);
        refresh();
    }

    private Div status(EmergencyAccessReviews.Item item) {
        Div cell = new Div();
        cell.addClassName("cp-review-cell");
        item.review().ifPresentOrElse(r -> cell.add(new Span("Reviewed by " + r.reviewerName() + " on "
                + AuditView.WHEN.format(r.reviewedAt()) + ": " + r.comment())), () -> {
                    Button mark = new Button("Mark reviewed", e -> openReview(item));
                    mark.addClassName("cp-mark-reviewed");
                    mark.setAriaLabel("Mark reviewed: emergency access to patient " + NhsNumber.parse(item.patientNhs())
                            .map(NhsNumber::formatted).orElse(item.patientNhs()) + " by " + item.userName());
                    // Full size (44 px), on its own line under the status, its label wrapping in a narrow column:
                    // never cut off at tablet width.
                    mark.addThemeVariants(ButtonVariant.PRIMARY);
                    Span awaiting = new Span("Awaiting review");
                    awaiting.addClassName("cp-review-status");
                    cell.add(awaiting, mark);
                });
        return cell;
    }

    private void openReview(EmergencyAccessReviews.Item item) {
        Dialog dialog = new Dialog();
        dialog.setId("review-dialog");
        dialog.setHeaderTitle("Review emergency access");
        dialog.setCloseOnOutsideClick(false);
        TextArea comment = new TextArea("Review comment");
        comment.setId("review-comment");
        comment.setWidthFull();
        comment.setMaxLength(EmergencyAccessReviews.MAX_COMMENT);
        comment.setHelperText("What you checked and what you concluded, e.g. \"Justified: unconscious patient, "
                + "confirmed with the crew's incident record\".");
        dialog.add(new Paragraph(item.userName() + " (" + item.orgName() + ") opened the record of patient "
                + NhsNumber.parse(item.patientNhs()).map(NhsNumber::formatted).orElse(item.patientNhs()) + " on "
                + AuditView.WHEN.format(item.occurredAt()) + ": \u201c" + item.justification() + "\u201d"), comment);
        Button cancel = new Button("Cancel", e -> dialog.close());
        cancel.setId("review-cancel");
        Button save = new Button("Mark reviewed", e -> {
            try {
                reviews.markReviewed(item.auditEventId(), users.require(), comment.getValue());
                dialog.close();
                refresh();
            } catch (EmergencyAccessReviews.ReviewRefused refused) {
                // The comment stays in the field: nothing typed is lost.
                comment.setInvalid(true);
                comment.setErrorMessage(refused.getMessage());
            } catch (RuntimeException failed) {
                comment.setInvalid(true);
                comment.setErrorMessage("Your review could not be saved just now, so this emergency access is still "
                        + "awaiting review. Your comment is kept: try again in a moment.");
                LoggerFactory.getLogger(EmergencyAccessReviewView.class).error(
                        "Emergency access review not saved (audit row {}): {}", item.auditEventId(), failed.toString());
            }
        });
        save.setId("review-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }

    private void refresh() {
        var items = reviews.queue(showReviewed.getValue());
        grid.setItems(items);
        long awaiting = reviews.awaitingReview();
        summary.setText(awaiting == 0 ? "No emergency access is awaiting review."
                : awaiting + (awaiting == 1 ? " emergency access is" : " emergency accesses are") + " awaiting review.");
    }
}
