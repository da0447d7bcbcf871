package com.carepoint.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** A patient's appointments page: free slots across services, booking, the patient's appointments. */
public class AppointmentsPage {

    private final Page page;

    public AppointmentsPage(Page page) {
        this.page = page;
    }

    /** From the record: the record's "Appointments" link. */
    public static AppointmentsPage openFrom(PatientRecordPage record, Page page) {
        page.locator("#open-appointments").click();
        return new AppointmentsPage(page).waitUntilSearched();
    }

    /** The page is shown with the banner and every service has answered the slot search. */
    public AppointmentsPage waitUntilSearched() {
        assertThat(page.locator("#appointments-view")).isVisible();
        assertThat(page.locator("#patient-banner")).isVisible();
        assertThat(page.locator("#slot-list .cp-loading")).hasCount(0);
        assertThat(page.locator("#service-status [data-service]").first()).isVisible();
        return this;
    }

    public Locator serviceStatus(String ods) {
        return page.locator("#service-" + ods);
    }

    public Locator slots() {
        return page.locator("#slot-list .cp-slot");
    }

    /** The free slots the list shows for one service. */
    public Locator slotsAt(String ods) {
        return page.locator("#slot-list .cp-slot[data-slot^='" + ods + "/']");
    }

    public Locator noSlots() {
        return page.locator("#no-slots");
    }

    /** Shows only this service's slots (the "Service" filter). */
    public AppointmentsPage onlyService(String ods) {
        page.locator("#filter-service").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("(" + ods + ")")).click();
        // The list redrawn by the server for this service: until then a click on a slot of the list drawn before the
        // choice lands on a row the redraw removes, and the server ignores it.
        assertThat(page.locator("#slot-list")).hasAttribute("data-filter-service", ods);
        assertThat(page.locator("#slot-list .cp-slot").first()).hasAttribute("data-slot",
                java.util.regex.Pattern.compile("^" + ods + "/"));
        return this;
    }

    /** Opens the booking dialog for the first slot shown at this service; returns its slot key. */
    public String chooseFirstSlotAt(String ods) {
        onlyService(ods);
        Locator slot = slotsAt(ods).first();
        assertThat(slot).isVisible();
        String key = slot.getAttribute("data-slot");
        slot.locator("vaadin-button").click();
        assertThat(page.locator("#booking-description")).isVisible();
        return key;
    }

    /**
     * Opens the booking dialog for this slot (a key from {@link #chooseFirstSlotAt}). The list first shows only the
     * slot's service: unfiltered, it draws the first 40 slots across every service in time order, so early in the day
     * the practice's and hub's slots fill it and an out-of-hours slot this evening is not drawn at all.
     */
    public void chooseSlot(String key) {
        onlyService(key.substring(0, key.indexOf('/')));
        Locator slot = page.locator("#slot-list .cp-slot[data-slot='" + key + "']");
        assertThat(slot).isVisible();
        slot.locator("vaadin-button").click();
        assertThat(page.locator("#booking-description")).isVisible();
    }

    public AppointmentsPage typeReason(String reason) {
        page.locator("#booking-description input").fill(reason);
        return this;
    }

    public AppointmentsPage typeComment(String comment) {
        page.locator("#booking-comment textarea").fill(comment);
        return this;
    }

    public String typedReason() {
        return page.locator("#booking-description input").inputValue();
    }

    public Locator reasonError() {
        return page.locator("#booking-description [slot='error-message']");
    }

    public void book() {
        page.locator("#confirm-booking").click();
    }

    public Locator confirmation() {
        Locator c = page.locator("#booking-confirmation");
        assertThat(c).isVisible();
        return c;
    }

    public String bookingReference() {
        Locator r = page.locator("#booking-reference");
        assertThat(r).isVisible();
        return r.innerText().replace("Booking reference:", "").trim();
    }

    public Locator bookingMessage() {
        Locator m = page.locator("#booking-message");
        assertThat(m).isVisible();
        return m;
    }

    public void closeBookingDialog() {
        page.locator("#booking-done").or(page.locator("#close-booking")).first().click();
        assertThat(page.locator("#booking-dialog")).hasCount(0);
    }

    /** The patient's appointment card, once the list has loaded. */
    public Locator appointment(String ods, String id) {
        Locator card = page.locator("#appointment-" + ods + "-" + id);
        assertThat(card).isVisible();
        return card;
    }

    public Locator appointmentList() {
        Locator list = page.locator("#appointment-list");
        assertThat(list.locator(".cp-loading")).hasCount(0);
        return list;
    }

    public void amend(String ods, String id, String reason, String comment) {
        page.locator("#amend-" + ods + "-" + id).click();
        assertThat(page.locator("#amend-description")).isVisible();
        page.locator("#amend-description input").fill(reason);
        page.locator("#amend-comment textarea").fill(comment);
        page.locator("#confirm-amend").click();
        assertThat(page.locator("#amend-dialog")).hasCount(0);
    }

    public void cancel(String ods, String id, String why) {
        page.locator("#cancel-" + ods + "-" + id).click();
        assertThat(page.locator("#cancel-reason")).isVisible();
        page.locator("#cancel-reason textarea").fill(why);
        page.locator("#confirm-cancel").click();
        assertThat(page.locator("#cancel-dialog")).hasCount(0);
    }
}
