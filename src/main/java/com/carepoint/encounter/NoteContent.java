package com.carepoint.encounter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the clinician writes, exactly as typed: every field is text, so a half-typed number is saved with the draft
 * like anything else (nothing typed is lost) and judged only when it is checked ({@link NoteRules}). Bound to the
 * form with Binder and stored as JSON.
 */
public class NoteContent {

    /** How the encounter ended for a paramedic. */
    public enum Outcome {
        CONVEYED("Conveyed to hospital"),
        REFERRED("Referred to another service"),
        LEFT_AT_HOME("Left at home");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    // Paramedic
    private String presentingComplaint = "";
    private String history = "";
    private String respiratoryRate = "";
    private String spo2 = "";
    private boolean spo2Scale2;
    private Boolean onOxygen;
    private String systolic = "";
    private String diastolic = "";
    private String pulse = "";
    private String temperature = "";
    private News2.Consciousness consciousness;
    private String bloodGlucose = "";
    private String impression = "";
    private String treatment = "";
    private List<MedicineGiven> medicines = new ArrayList<>();
    private Outcome outcome;
    private String outcomeDetail = "";
    private String safetyNetting = "";
    // NHS 111
    private String callSummary = "";
    private String disposition = "";
    private String advice = "";
    private String appointment = "";
    private String appointmentBooking = "";

    public String getPresentingComplaint() {
        return presentingComplaint;
    }

    public void setPresentingComplaint(String v) {
        presentingComplaint = text(v);
    }

    public String getHistory() {
        return history;
    }

    public void setHistory(String v) {
        history = text(v);
    }

    public String getRespiratoryRate() {
        return respiratoryRate;
    }

    public void setRespiratoryRate(String v) {
        respiratoryRate = text(v);
    }

    public String getSpo2() {
        return spo2;
    }

    public void setSpo2(String v) {
        spo2 = text(v);
    }

    public boolean isSpo2Scale2() {
        return spo2Scale2;
    }

    public void setSpo2Scale2(boolean v) {
        spo2Scale2 = v;
    }

    public Boolean getOnOxygen() {
        return onOxygen;
    }

    public void setOnOxygen(Boolean v) {
        onOxygen = v;
    }

    public String getSystolic() {
        return systolic;
    }

    public void setSystolic(String v) {
        systolic = text(v);
    }

    public String getDiastolic() {
        return diastolic;
    }

    public void setDiastolic(String v) {
        diastolic = text(v);
    }

    public String getPulse() {
        return pulse;
    }

    public void setPulse(String v) {
        pulse = text(v);
    }

    public String getTemperature() {
        return temperature;
    }

    public void setTemperature(String v) {
        temperature = text(v);
    }

    public News2.Consciousness getConsciousness() {
        return consciousness;
    }

    public void setConsciousness(News2.Consciousness v) {
        consciousness = v;
    }

    public String getBloodGlucose() {
        return bloodGlucose;
    }

    public void setBloodGlucose(String v) {
        bloodGlucose = text(v);
    }

    public String getImpression() {
        return impression;
    }

    public void setImpression(String v) {
        impression = text(v);
    }

    public String getTreatment() {
        return treatment;
    }

    public void setTreatment(String v) {
        treatment = text(v);
    }

    public List<MedicineGiven> getMedicines() {
        return medicines;
    }

    public void setMedicines(List<MedicineGiven> v) {
        medicines = v == null ? new ArrayList<>() : new ArrayList<>(v);
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public void setOutcome(Outcome v) {
        outcome = v;
    }

    public String getOutcomeDetail() {
        return outcomeDetail;
    }

    public void setOutcomeDetail(String v) {
        outcomeDetail = text(v);
    }

    public String getSafetyNetting() {
        return safetyNetting;
    }

    public void setSafetyNetting(String v) {
        safetyNetting = text(v);
    }

    public String getCallSummary() {
        return callSummary;
    }

    public void setCallSummary(String v) {
        callSummary = text(v);
    }

    public String getDisposition() {
        return disposition;
    }

    public void setDisposition(String v) {
        disposition = text(v);
    }

    public String getAdvice() {
        return advice;
    }

    public void setAdvice(String v) {
        advice = text(v);
    }

    public String getAppointment() {
        return appointment;
    }

    public void setAppointment(String v) {
        appointment = text(v);
    }

    /**
     * The booking made in Carepoint that the appointment text describes ({@code ODS/reference}), or blank when the
     * text was typed freely.
     */
    public String getAppointmentBooking() {
        return appointmentBooking;
    }

    public void setAppointmentBooking(String v) {
        appointmentBooking = text(v);
    }

    /** NEWS2 from the observations, when all seven are recorded and readable. */
    public Optional<News2.Score> news2() {
        boolean readable = NoteRules.respiratoryRate(respiratoryRate).isEmpty() && NoteRules.spo2(spo2).isEmpty()
                && NoteRules.systolic(systolic).isEmpty() && NoteRules.pulse(pulse).isEmpty()
                && NoteRules.temperature(temperature).isEmpty();
        if (!readable) {
            // A value outside what is possible is not scored: it is more likely mistyped than real.
            return Optional.empty();
        }
        return News2.score(NoteRules.integer(respiratoryRate).orElse(null), NoteRules.integer(spo2).orElse(null),
                spo2Scale2, onOxygen, NoteRules.integer(systolic).orElse(null), NoteRules.integer(pulse).orElse(null),
                consciousness, NoteRules.decimal(temperature).orElse(null));
    }

    private static String text(String v) {
        return v == null ? "" : v;
    }
}
