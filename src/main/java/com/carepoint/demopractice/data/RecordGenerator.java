package com.carepoint.demopractice.data;

import com.carepoint.demopractice.data.PatientRecord.Consultation;
import com.carepoint.demopractice.data.PatientRecord.Entry;
import com.carepoint.demopractice.data.PatientRecord.Immunisation;
import com.carepoint.demopractice.data.PatientRecord.Measurement;
import com.carepoint.demopractice.data.PatientRecord.Medication;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Adds a deterministic synthetic history to a patient: the same seed, years and day always give the same record.
 * With a resource target it keeps adding consultations, observations and prescription issues until the record
 * holds about that many FHIR resources (the large records used for performance work).
 */
public final class RecordGenerator {

    /** FHIR resources one generated consultation becomes: Encounter, consultation and topic Lists, 3 headings, 3 entries. */
    static final int RESOURCES_PER_CONSULTATION = 9;
    /** A generated repeat medication: Medication, MedicationStatement, plan MedicationRequest, plus one per issue. */
    static final int RESOURCES_PER_MEDICATION = 3;

    private record Template(String reason, String history, String examination, String plan) {
    }

    private static final List<Template> TEMPLATES = List.of(
            new Template("Upper respiratory tract infection", "Cough and coryza for 4 days, no shortness of breath.",
                    "Chest clear, throat mildly inflamed, temperature 37.4.", "Self-care advice, fluids, paracetamol. Safety-net given."),
            new Template("Low back pain", "Lower back pain after lifting, no leg weakness or numbness, bladder and bowels normal.",
                    "Paraspinal tenderness, straight leg raise negative, no neurological deficit.", "Keep active, simple analgesia, physiotherapy leaflet."),
            new Template("Blood pressure review", "Attends for blood pressure check. No headaches or chest pain.",
                    "BP within target range.", "Continue current treatment. Recheck in 6 months."),
            new Template("Sore throat", "Sore throat for 3 days, no cough, eating and drinking.",
                    "Tonsils enlarged without exudate, FeverPAIN score 1.", "No antibiotics indicated. Return if not improving in a week."),
            new Template("Urinary tract infection", "Dysuria and frequency for 2 days. No loin pain or fever.",
                    "Abdomen soft, no renal angle tenderness. Urine dip positive for nitrites.", "Nitrofurantoin 3 days. Increase fluids."),
            new Template("Low mood", "Feeling low for a few weeks after a bereavement. Sleeping poorly. No thoughts of self-harm.",
                    "Appropriate affect, good eye contact.", "Talking therapies self-referral information given. Review in 4 weeks."),
            new Template("Skin rash", "Itchy rash on forearms for a week, new washing powder.",
                    "Erythematous papules both forearms, no blistering.", "Contact dermatitis likely. Emollient and mild steroid cream."),
            new Template("Asthma review", "Using reliever once or twice a week. No night waking.",
                    "Chest clear. Peak flow 90% of best. Inhaler technique checked.", "Continue current inhalers. Asthma action plan updated."),
            new Template("Ear pain", "Left ear pain for 2 days after a cold.",
                    "Left tympanic membrane red and bulging, right normal.", "Likely otitis media. Analgesia; antibiotics only if not better in 3 days."),
            new Template("Headache", "Frontal headaches most days for a month, worse with screen use. No red flag features.",
                    "Neurological examination normal, fundi normal, BP normal.", "Tension-type headache. Advice on posture, breaks and analgesia overuse."),
            new Template("Chest pain", "Sharp left chest pain on deep breathing for 1 day after a cough. No exertional pain.",
                    "Chest wall tender to palpation, heart sounds normal, ECG normal sinus rhythm.", "Musculoskeletal chest pain. Analgesia. Seek help if pain changes."),
            new Template("Medication review", "Annual medication review. Taking medicines as prescribed, no side effects reported.",
                    "Weight stable.", "Continue repeat medication. Bloods requested."));

    private static final List<String[]> ACUTE_MEDICINES = List.of(
            new String[] {"323509004", "Amoxicillin 500mg capsules", "One capsule three times a day for 5 days", "15 capsule"},
            new String[] {"322236009", "Paracetamol 500mg tablets", "Two tablets up to four times a day when required", "32 tablet"},
            new String[] {"329652003", "Ibuprofen 400mg tablets", "One tablet three times a day with food", "24 tablet"},
            new String[] {"317972000", "Nitrofurantoin 100mg modified-release capsules", "One capsule twice a day for 3 days", "6 capsule"},
            new String[] {"331646005", "Emollient cream", "Apply twice a day", "500 gram"});

    private RecordGenerator() {
    }

    public static PatientRecord enrich(PatientRecord p, LocalDate today) {
        PatientRecord.Generate g = p.generate();
        if (g == null) {
            return p;
        }
        SplittableRandom random = new SplittableRandom(g.seed());
        LocalDate start = latest(today.minusYears(Math.max(1, g.years())), p.birthDate(), p.registeredSince());
        long days = Math.max(1, ChronoUnit.DAYS.between(start, today));
        String clinician = p.usualGp();

        List<Consultation> consultations = new ArrayList<>(p.consultations());
        List<Measurement> observations = new ArrayList<>(p.observations());
        List<Medication> medications = new ArrayList<>(p.medications());
        List<Immunisation> immunisations = new ArrayList<>(p.immunisations());

        int target = g.resources();
        int consultationCount = target > 0 ? target * 35 / 100 / RESOURCES_PER_CONSULTATION : g.years() * 3;
        int observationCount = target > 0 ? target * 45 / 100 : g.years() * 2;
        int issueCount = target > 0 ? target * 20 / 100 : 0;

        for (int i = 0; i < consultationCount; i++) {
            LocalDate date = start.plusDays(random.nextLong(days));
            Template t = TEMPLATES.get(random.nextInt(TEMPLATES.size()));
            String time = "%02d:%02d".formatted(8 + random.nextInt(10), random.nextInt(12) * 5);
            consultations.add(new Consultation(date, time, i % 7 == 0 ? "Telephone consultation" : "Surgery consultation",
                    clinician, null, List.of(
                            new Entry("History", t.reason() + ". " + t.history(), null, null, null),
                            new Entry("Examination", t.examination(), null, null, null),
                            new Entry("Plan", t.plan(), null, null, null)), false));
            if (target == 0 && random.nextInt(4) == 0) {
                String[] m = ACUTE_MEDICINES.get(random.nextInt(ACUTE_MEDICINES.size()));
                medications.add(new Medication(m[0], m[1], m[2], m[3], "acute", date, date.plusDays(7), List.of(date),
                        null));
            }
        }
        for (int i = 0; i < observationCount; i++) {
            LocalDate date = start.plusDays(random.nextLong(days));
            if (i % 2 == 0) {
                int sys = 115 + random.nextInt(35);
                observations.add(new Measurement("163020007", "O/E - blood pressure reading", date, null, "mmHg",
                        (double) sys, (double) (sys - 40 - random.nextInt(10))));
            } else {
                observations.add(new Measurement("27113001", "Body weight", date,
                        Math.round((60 + random.nextInt(35) + random.nextDouble()) * 10) / 10.0, "kg", null, null));
            }
        }
        if (issueCount > 0) {
            // Long-running repeat medication with monthly issues, enough to reach the target.
            int perMedication = 240;
            int medicationsNeeded = Math.max(1, issueCount / (perMedication + RESOURCES_PER_MEDICATION));
            for (int m = 0; m < medicationsNeeded; m++) {
                String[] med = ACUTE_MEDICINES.get(m % ACUTE_MEDICINES.size());
                LocalDate first = today.minusMonths(perMedication);
                List<LocalDate> issues = new ArrayList<>();
                for (int k = 0; k < perMedication; k++) {
                    issues.add(first.plusMonths(k));
                }
                medications.add(new Medication(med[0], med[1] + " (repeat " + (m + 1) + ")", med[2], med[3], "repeat",
                        first, null, issues, null));
            }
        }
        if (ChronoUnit.YEARS.between(p.birthDate(), today) >= 65) {
            for (int y = 0; y < Math.min(g.years(), 10); y++) {
                immunisations.add(new Immunisation("46233009", "Influenza vaccine",
                        LocalDate.of(today.getYear() - y - 1, 10, 1 + random.nextInt(20)), "completed", false, null,
                        null));
            }
        }
        consultations.sort(Comparator.comparing(Consultation::date).reversed());
        observations.sort(Comparator.comparing(Measurement::date).reversed());
        return new PatientRecord(p.nhsNumber(), p.supersededNhsNumbers(), p.title(), p.given(), p.family(),
                p.gender(), p.birthDate(), p.address(), p.telephone(), p.practice(), p.registeredSince(), p.usualGp(),
                p.flags(), p.allergyState(), p.allergies(), medications, p.problems(), consultations, immunisations,
                observations, p.investigations(), p.referrals(), p.diary(), null, p.exercises(), p.answeredWithRecordOf(),
                p.unbrokenTextLength());
    }

    private static LocalDate latest(LocalDate a, LocalDate... others) {
        LocalDate max = a;
        for (LocalDate d : others) {
            if (d != null && d.isAfter(max)) {
                max = d;
            }
        }
        return max;
    }
}
